CREATE TABLE "t" ("c" varchar(10));
