ALTER TYPE "mood" ADD VALUE 'great';--> statement-breakpoint
ALTER TYPE "mood" RENAME TO "feeling";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DEFAULT 'great';