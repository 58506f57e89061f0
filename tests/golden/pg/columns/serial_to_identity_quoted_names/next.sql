CREATE SCHEMA "App";
CREATE TABLE "App"."User Accounts" ("Id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY, "name" text);
