CREATE TABLE "parent" ("id" serial PRIMARY KEY);
CREATE TABLE "t" ("pid" integer);
