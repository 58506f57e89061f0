CREATE TYPE "mood" AS ENUM('sad', 'ok');--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DATA TYPE "mood" USING "m"::"mood";