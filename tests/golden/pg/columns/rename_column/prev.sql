CREATE TABLE "t" ("a" integer, "d" text);
