ALTER TYPE "mood" RENAME TO "feeling";--> statement-breakpoint
ALTER TYPE "feeling" ADD VALUE 'great';