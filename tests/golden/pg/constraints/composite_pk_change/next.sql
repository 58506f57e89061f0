CREATE TABLE "t" ("a" integer NOT NULL, "b" integer NOT NULL, "c" integer NOT NULL, CONSTRAINT "t_pk" PRIMARY KEY("a","b","c"));
