CREATE TYPE "mood" AS ENUM('sad', 'ok', 'happy');
CREATE TABLE "t" ("id" integer, "m" "mood" DEFAULT 'happy');
CREATE TABLE "t2" ("m" "mood" DEFAULT 'happy' NOT NULL);
