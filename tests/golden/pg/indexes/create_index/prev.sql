CREATE TABLE "t" ("a" text, "b" integer);
