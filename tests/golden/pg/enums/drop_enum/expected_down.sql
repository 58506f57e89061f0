-- drizzle:down sha256=93e1ae266bf73ef4aa35ebcdacd6ec27984be3f4995ccc2f405e840ea729f6c2
-- irreversible: column "t"."m" is recreated without its values
CREATE TYPE "mood" AS ENUM('a');--> statement-breakpoint
ALTER TABLE "t" ADD COLUMN "m" "mood";