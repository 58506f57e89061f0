-- drizzle:down sha256=4407c82a2696a90887b8d02a93373bc8669bf7e6bb627748f12f834c14e43df9
ALTER TABLE "Suggestion" DROP CONSTRAINT "suggestion_key";--> statement-breakpoint
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_id_pk" PRIMARY KEY("id");