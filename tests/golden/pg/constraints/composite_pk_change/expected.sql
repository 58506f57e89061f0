ALTER TABLE "t" DROP CONSTRAINT "t_pk";--> statement-breakpoint
ALTER TABLE "t" ADD CONSTRAINT "t_pk" PRIMARY KEY("a","b","c");