-- drizzle:down sha256=5369a2cc0332d5f171fb9e258a7a7a170ba6b6b4c47063ce961bbe3b6f367f03
ALTER TABLE "t" ALTER COLUMN "m" SET DATA TYPE text USING "m"::text;--> statement-breakpoint
DROP TYPE "mood";