-- drizzle:down sha256=2368bef61769bca1aabdd16946c294b968e13c03dce6f64d85ad45e7d26106d6
-- irreversible: column "people"."nick" is recreated without its values
ALTER TABLE "people" RENAME TO "users";--> statement-breakpoint
ALTER TABLE "users" RENAME COLUMN "name" TO "full_name";--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "people_pkey";--> statement-breakpoint
ALTER TABLE "users" ADD PRIMARY KEY ("id");--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "nick" text;