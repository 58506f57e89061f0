CREATE TABLE "t" ("a" text, "b" integer);
CREATE INDEX "t_a_b_idx" ON "t" ("a","b");
