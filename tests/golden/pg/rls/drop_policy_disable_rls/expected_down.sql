-- drizzle:down sha256=861babf6d3f83c136a9b764a702a1910b7359e4e1ac91936e4e9b5ea44746e41
ALTER TABLE "users" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "own" ON "users" AS PERMISSIVE FOR ALL TO public USING (true);