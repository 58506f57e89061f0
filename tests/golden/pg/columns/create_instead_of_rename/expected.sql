ALTER TABLE "t" ADD COLUMN "c2" varchar(20);--> statement-breakpoint
ALTER TABLE "t" DROP COLUMN "c";