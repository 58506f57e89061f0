CREATE TYPE "status" AS ENUM('draft', 'live');
CREATE TABLE "posts" ("id" integer, "s" "status" NOT NULL);
