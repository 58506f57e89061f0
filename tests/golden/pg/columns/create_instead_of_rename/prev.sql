CREATE TABLE "t" ("a" integer, "c" varchar(10));
