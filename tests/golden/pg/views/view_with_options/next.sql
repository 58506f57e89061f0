CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text NOT NULL);
CREATE VIEW "v" WITH (security_barrier = true) AS SELECT id FROM users;
