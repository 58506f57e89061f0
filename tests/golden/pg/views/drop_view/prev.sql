CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text NOT NULL);
CREATE VIEW "v" AS SELECT id FROM users;
