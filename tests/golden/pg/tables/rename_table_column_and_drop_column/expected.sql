ALTER TABLE "users" RENAME TO "people";--> statement-breakpoint
ALTER TABLE "people" RENAME COLUMN "full_name" TO "name";--> statement-breakpoint
ALTER TABLE "people" DROP CONSTRAINT "users_pkey";--> statement-breakpoint
ALTER TABLE "people" ADD PRIMARY KEY ("id");--> statement-breakpoint
ALTER TABLE "people" DROP COLUMN "nick";