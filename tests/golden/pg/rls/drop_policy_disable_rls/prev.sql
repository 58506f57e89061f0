CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text NOT NULL);
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "own" ON "users" USING (true);
