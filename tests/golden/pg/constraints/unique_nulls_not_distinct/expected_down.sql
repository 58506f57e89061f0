-- drizzle:down sha256=f3270ec0a1bae12013d1b3b303eeb4c6b5e4164beea22b85f2c1a919ddc34e83
ALTER TABLE "t" DROP CONSTRAINT "t_a_unique";--> statement-breakpoint
ALTER TABLE "t" ADD CONSTRAINT "t_a_unique" UNIQUE("a");