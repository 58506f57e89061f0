CREATE TABLE "t" ("a" integer, "c2" varchar(20));
