-- drizzle:down sha256=722d184895d6061abda2a8d96c0a9811832c65d0ab318a1799f69114252c1785
DROP INDEX "t_i";--> statement-breakpoint
CREATE INDEX "t_i" ON "t" ("a");