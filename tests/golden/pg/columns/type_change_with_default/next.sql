CREATE TABLE "t" ("a" bigint DEFAULT 1);
