CREATE TABLE "t" ("d" text);
