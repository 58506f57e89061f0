CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text NOT NULL);
CREATE TABLE "gone" ("id" integer);
