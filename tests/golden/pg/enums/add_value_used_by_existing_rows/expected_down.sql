-- drizzle:down sha256=8251105558e9334925a340b5d8e1a3a244a1b9744802e558b66165d1ab493398
ALTER TABLE "t" ALTER COLUMN "label" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "mood";--> statement-breakpoint
CREATE TYPE "mood" AS ENUM('sad', 'ok');--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "label" SET DATA TYPE text USING "label"::text;--> statement-breakpoint
ALTER TABLE "t" DROP COLUMN "m";