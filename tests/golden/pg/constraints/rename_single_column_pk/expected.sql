ALTER TABLE "Suggestion" DROP CONSTRAINT "Suggestion_id_pk";--> statement-breakpoint
ALTER TABLE "Suggestion" ADD CONSTRAINT "suggestion_key" PRIMARY KEY("id");