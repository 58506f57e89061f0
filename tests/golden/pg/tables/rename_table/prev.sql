CREATE TABLE "t" ("id" integer, "a" text);
