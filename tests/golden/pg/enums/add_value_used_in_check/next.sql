CREATE TYPE "status" AS ENUM('draft', 'review', 'live');
CREATE TABLE "posts" ("id" integer, "s" "status" NOT NULL, CONSTRAINT "posts_not_in_review" CHECK ("s" <> 'review'));
