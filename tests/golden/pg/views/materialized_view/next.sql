CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text NOT NULL);
CREATE MATERIALIZED VIEW "mv" AS SELECT count(*) AS n FROM users WITH NO DATA;
