ALTER TABLE "t" DROP COLUMN "m";--> statement-breakpoint
DROP TYPE "mood";