CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text NOT NULL);
CREATE VIEW "named" AS SELECT id, name FROM users WHERE name <> '';
