CREATE TABLE "t" ("a" bigint);
