CREATE TABLE "t" ("j" jsonb, "s" text);
CREATE INDEX "t_j" ON "t" USING gin ("j" jsonb_path_ops);
CREATE INDEX "t_s" ON "t" ("s" text_pattern_ops) WITH (fillfactor=70);
