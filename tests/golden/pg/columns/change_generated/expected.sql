ALTER TABLE "t" DROP COLUMN "g";--> statement-breakpoint
ALTER TABLE "t" ADD COLUMN "g" integer GENERATED ALWAYS AS (a * 3) STORED;