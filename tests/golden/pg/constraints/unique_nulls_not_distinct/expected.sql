ALTER TABLE "t" DROP CONSTRAINT "t_a_unique";--> statement-breakpoint
ALTER TABLE "t" ADD CONSTRAINT "t_a_unique" UNIQUE NULLS NOT DISTINCT("a");