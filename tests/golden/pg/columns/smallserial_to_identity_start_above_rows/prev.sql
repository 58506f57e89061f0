CREATE TABLE "t" ("id" smallserial PRIMARY KEY, "name" text);
