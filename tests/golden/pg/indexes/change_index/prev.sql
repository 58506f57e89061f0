CREATE TABLE "t" ("a" text, "b" text);
CREATE INDEX "t_i" ON "t" ("a");
