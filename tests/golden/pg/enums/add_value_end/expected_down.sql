-- drizzle:down sha256=1b4661c38d82e0dd6bba82eabe8e8f58f97b0a0215ef5bf99d57313b6f963627
ALTER TABLE "t" ALTER COLUMN "m" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "mood";--> statement-breakpoint
CREATE TYPE "mood" AS ENUM('sad', 'ok');--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DATA TYPE "mood" USING "m"::"mood";