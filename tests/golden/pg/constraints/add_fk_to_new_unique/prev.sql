CREATE TABLE "a" ("code" text);
CREATE TABLE "b" ("code" text);
