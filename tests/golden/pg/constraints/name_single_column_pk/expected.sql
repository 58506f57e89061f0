ALTER TABLE "Suggestion" DROP CONSTRAINT "Suggestion_pkey";--> statement-breakpoint
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_id_pk" PRIMARY KEY("id");