-- drizzle:down sha256=c49f8c84d1d73d368f9dc1f32d771ac17a1971976d14cfde1777b7458d7eb9bb
ALTER TABLE "t" DROP COLUMN "g";--> statement-breakpoint
ALTER TABLE "t" ADD COLUMN "g" integer GENERATED ALWAYS AS (a * 2) STORED;