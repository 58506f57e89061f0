CREATE TABLE "t" ("n" serial, "name" text);
