CREATE TABLE "users" ("id" serial PRIMARY KEY, "name" text NOT NULL);
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "ins" ON "users" AS RESTRICTIVE FOR INSERT TO current_user WITH CHECK (length(name) > 0);
