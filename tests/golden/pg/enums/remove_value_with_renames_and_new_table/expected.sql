ALTER TABLE "t" ALTER COLUMN "m" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DATA TYPE text;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "x" SET DATA TYPE text;--> statement-breakpoint
DROP TYPE "mood";--> statement-breakpoint
CREATE TYPE "mood" AS ENUM('a', 'c');--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DATA TYPE "mood" USING "m"::"mood";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DEFAULT 'c';--> statement-breakpoint
ALTER TABLE "t" RENAME TO "t2";--> statement-breakpoint
ALTER TABLE "t2" RENAME COLUMN "m" TO "m2";--> statement-breakpoint
CREATE TABLE "u" (
	"m" "mood"
);
--> statement-breakpoint
ALTER TABLE "t2" ALTER COLUMN "m2" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t2" ALTER COLUMN "m2" SET DEFAULT 'c';--> statement-breakpoint
ALTER TABLE "t2" ALTER COLUMN "x" SET DATA TYPE text USING "x"::text;