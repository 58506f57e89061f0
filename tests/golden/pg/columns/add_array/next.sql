CREATE TABLE "t" ("a" integer, "tags" text[] DEFAULT '{}'::text[] NOT NULL);
