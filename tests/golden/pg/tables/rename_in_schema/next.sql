CREATE SCHEMA "s";
CREATE TABLE "s"."t2" ("id" integer);
