CREATE TABLE "t" ("id" serial, "a" integer, "g" integer GENERATED ALWAYS AS (a + 1) STORED);
CREATE INDEX "t_id" ON "t" ("id");
CREATE INDEX "t_id_a" ON "t" ("id", "a");
CREATE INDEX "t_a" ON "t" ("a");
