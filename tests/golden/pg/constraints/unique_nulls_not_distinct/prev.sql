CREATE TABLE "t" ("a" text, CONSTRAINT "t_a_unique" UNIQUE("a"));
