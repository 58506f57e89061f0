CREATE TYPE "mood" AS ENUM('sad', 'ok', 'happy');
CREATE TABLE "t" ("id" integer, "label" "mood", "m" "mood" DEFAULT 'happy' NOT NULL);
