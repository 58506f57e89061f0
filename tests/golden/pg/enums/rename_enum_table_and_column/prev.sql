CREATE TYPE "mood" AS ENUM('sad', 'ok', 'happy');
CREATE TABLE "entries" ("id" integer PRIMARY KEY, "state" "mood" DEFAULT 'ok' NOT NULL);
