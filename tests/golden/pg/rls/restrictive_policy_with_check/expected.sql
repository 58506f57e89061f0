ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "ins" ON "users" AS RESTRICTIVE FOR INSERT TO "postgres" WITH CHECK (length(name) > 0);