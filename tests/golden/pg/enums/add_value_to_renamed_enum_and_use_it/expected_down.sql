-- drizzle:down sha256=19f4ea64bc318dbb4f1353c3ef3a861568665b1c14238934d0e43a4e24bbe2cc
ALTER TYPE "feeling" RENAME TO "mood";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "mood";--> statement-breakpoint
CREATE TYPE "mood" AS ENUM('sad', 'ok');--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DATA TYPE "mood" USING "m"::"mood";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DEFAULT 'ok';--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DEFAULT 'ok';