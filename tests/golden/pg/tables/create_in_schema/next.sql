CREATE SCHEMA "billing";
CREATE TABLE "billing"."invoices" ("id" serial PRIMARY KEY, "amount" numeric(10,2) NOT NULL);
