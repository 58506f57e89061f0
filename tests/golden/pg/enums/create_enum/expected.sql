CREATE TYPE "mood" AS ENUM('sad', 'ok', 'happy');--> statement-breakpoint
CREATE TABLE "t" (
	"m" "mood" DEFAULT 'ok'
);
