ALTER TYPE "status" ADD VALUE 'review' BEFORE 'live';--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_not_in_review" CHECK (s <> 'review'::status);