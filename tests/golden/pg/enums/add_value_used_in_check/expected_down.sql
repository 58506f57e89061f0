-- drizzle:down sha256=ebe856562972373276bbb8d50d8717e6a246c1ef19f68deff99f8d4e5098cca1
ALTER TABLE "posts" DROP CONSTRAINT "posts_not_in_review";--> statement-breakpoint
ALTER TABLE "posts" ALTER COLUMN "s" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "status";--> statement-breakpoint
CREATE TYPE "status" AS ENUM('draft', 'live');--> statement-breakpoint
ALTER TABLE "posts" ALTER COLUMN "s" SET DATA TYPE "status" USING "s"::"status";