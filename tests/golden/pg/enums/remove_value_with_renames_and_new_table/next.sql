CREATE TYPE "mood" AS ENUM('a', 'c');
CREATE TABLE "t2" ("id" integer, "m2" "mood" DEFAULT 'c', "x" text);
CREATE TABLE "u" ("m" "mood");
