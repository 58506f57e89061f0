CREATE TABLE "t" ("a" text PRIMARY KEY, "b" integer);
