CREATE TABLE "t" ("d" text DEFAULT 'x');
