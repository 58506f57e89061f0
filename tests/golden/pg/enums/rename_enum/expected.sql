ALTER TYPE "mood" ADD VALUE 'great';--> statement-breakpoint
ALTER TYPE "mood" RENAME TO "feeling";