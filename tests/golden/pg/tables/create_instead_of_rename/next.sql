CREATE TABLE "t2" ("id" integer);
