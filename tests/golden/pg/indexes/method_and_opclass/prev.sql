CREATE TABLE "t" ("j" jsonb, "s" text);
