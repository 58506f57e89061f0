-- drizzle:down sha256=453e658bc0ebd26013c415a5dccb5df7cc63d34a634c25ab72c8abe666ba4a6a
ALTER TABLE "Suggestion" DROP CONSTRAINT "Suggestion_id_pk";--> statement-breakpoint
ALTER TABLE "Suggestion" ADD PRIMARY KEY ("id");