CREATE TYPE "mood" AS ENUM('a', 'b', 'c');
CREATE TABLE "t" ("id" integer, "m" "mood" DEFAULT 'a', "x" "mood");
