ALTER TYPE "mood" ADD VALUE 'happy';--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "label" SET DATA TYPE "mood" USING "label"::"mood";--> statement-breakpoint
ALTER TABLE "t" ADD COLUMN "m" "mood" DEFAULT 'happy' NOT NULL;