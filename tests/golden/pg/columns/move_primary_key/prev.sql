CREATE TABLE "t" ("a" text NOT NULL, "b" integer PRIMARY KEY);
