CREATE TABLE "t2" ("id" integer, "a" text);
