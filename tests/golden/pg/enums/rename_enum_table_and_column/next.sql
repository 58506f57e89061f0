CREATE TYPE "feeling" AS ENUM('sad', 'ok', 'happy');
CREATE TABLE "diary" ("id" integer PRIMARY KEY, "feeling" "feeling" DEFAULT 'ok' NOT NULL);
