CREATE TABLE "t" ("a" integer, "d" integer GENERATED ALWAYS AS (a * 2) STORED);
