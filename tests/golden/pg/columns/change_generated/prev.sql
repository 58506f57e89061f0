CREATE TABLE "t" ("a" integer, "g" integer GENERATED ALWAYS AS (a * 2) STORED);
