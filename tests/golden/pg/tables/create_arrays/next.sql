CREATE TABLE "t" ("a" integer[], "b" text[][], "c" varchar(10)[]);
