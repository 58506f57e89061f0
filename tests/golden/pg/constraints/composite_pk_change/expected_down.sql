-- drizzle:down sha256=2634ec86b87450623999be79daadcc1b5421eb27a841634c1b6a3deeb6129ea1
ALTER TABLE "t" DROP CONSTRAINT "t_pk";--> statement-breakpoint
ALTER TABLE "t" ADD CONSTRAINT "t_pk" PRIMARY KEY("a","b");