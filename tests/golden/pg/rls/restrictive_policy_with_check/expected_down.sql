-- drizzle:down sha256=c5f638ee7369dcbc378c0bb9b7adaa7e3e2358c2e5e22ec8d0a9c98c618ba4d3
DROP POLICY "ins" ON "users";--> statement-breakpoint
ALTER TABLE "users" DISABLE ROW LEVEL SECURITY;