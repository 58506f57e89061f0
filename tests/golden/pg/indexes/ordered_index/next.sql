CREATE TABLE "t" ("a" integer, "b" integer);
CREATE INDEX "t_ord" ON "t" ("a" DESC, "b" NULLS FIRST);
