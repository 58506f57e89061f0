ALTER TABLE "t" ALTER COLUMN "a" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE bigint USING "a"::bigint;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "a" SET DEFAULT 1;