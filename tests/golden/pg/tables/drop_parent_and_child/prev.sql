CREATE TABLE "parent" ("id" serial PRIMARY KEY);
CREATE TABLE "child" ("id" integer, "pid" integer REFERENCES "parent"("id"));
CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text NOT NULL);
