CREATE TABLE "t" ("a" integer, "d2" text);
