ALTER TYPE "mood" RENAME TO "feeling";--> statement-breakpoint
ALTER TABLE "entries" RENAME TO "diary";--> statement-breakpoint
ALTER TABLE "diary" RENAME COLUMN "state" TO "feeling";--> statement-breakpoint
ALTER TABLE "diary" DROP CONSTRAINT "entries_pkey";--> statement-breakpoint
ALTER TABLE "diary" ADD PRIMARY KEY ("id");