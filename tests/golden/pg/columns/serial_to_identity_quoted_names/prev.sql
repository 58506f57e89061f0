CREATE SCHEMA "App";
CREATE TABLE "App"."User Accounts" ("Id" serial PRIMARY KEY, "name" text);
