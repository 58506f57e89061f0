CREATE TABLE "t" ("c" varchar(20));
