DROP POLICY "own" ON "users";--> statement-breakpoint
ALTER TABLE "users" DISABLE ROW LEVEL SECURITY;