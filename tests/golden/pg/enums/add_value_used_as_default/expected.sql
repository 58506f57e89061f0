ALTER TYPE "mood" ADD VALUE 'happy';--> statement-breakpoint
CREATE TABLE "t2" (
	"m" "mood" DEFAULT 'happy' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DEFAULT 'happy';