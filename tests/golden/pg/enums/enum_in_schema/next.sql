CREATE SCHEMA "billing";
CREATE TYPE "billing"."currency" AS ENUM('usd', 'eur');
CREATE TABLE "billing"."inv" ("cur" "billing"."currency" NOT NULL);
