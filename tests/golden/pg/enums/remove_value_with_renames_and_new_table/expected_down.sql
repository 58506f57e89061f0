-- drizzle:down sha256=619417ce8edda1b7f2cdbd2ec8288727dce0300ac7db865998ea1b52b8ef4f63
-- irreversible: enum "mood" gets its removed values back, but rows that held them were changed by the up migration
ALTER TYPE "mood" ADD VALUE 'b' BEFORE 'c';--> statement-breakpoint
ALTER TABLE "t2" RENAME TO "t";--> statement-breakpoint
ALTER TABLE "t" RENAME COLUMN "m2" TO "m";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "m" SET DEFAULT 'a';--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "x" SET DATA TYPE "mood" USING "x"::"mood";--> statement-breakpoint
DROP TABLE "u";