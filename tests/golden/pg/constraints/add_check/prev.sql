CREATE TABLE "t" ("age" integer);
