-- drizzle:down sha256=bfdd36c68c264297bf1fd3114261f0db9044f32002566c6d3e00cdff5ae25e5e
ALTER TABLE "Suggestion" DROP CONSTRAINT "Suggestion_pkey";--> statement-breakpoint
ALTER TABLE "Suggestion" ADD CONSTRAINT "Suggestion_id_pk" PRIMARY KEY("id");