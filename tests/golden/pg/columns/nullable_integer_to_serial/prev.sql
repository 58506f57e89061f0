CREATE TABLE "t" ("n" integer, "name" text);
