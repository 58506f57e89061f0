CREATE TABLE "users" ("id" integer PRIMARY KEY, "full_name" text NOT NULL, "nick" text, "age" integer);
