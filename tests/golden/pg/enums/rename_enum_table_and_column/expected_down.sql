-- drizzle:down sha256=1f9b9354f2d8ef6100f0c2d468af03a3b7216c887cb0ee8928000b7c9af8e816
ALTER TYPE "feeling" RENAME TO "mood";--> statement-breakpoint
ALTER TABLE "diary" RENAME TO "entries";--> statement-breakpoint
ALTER TABLE "entries" RENAME COLUMN "feeling" TO "state";--> statement-breakpoint
ALTER TABLE "entries" DROP CONSTRAINT "diary_pkey";--> statement-breakpoint
ALTER TABLE "entries" ADD PRIMARY KEY ("id");