-- drizzle:down sha256=34269acd88292581947ece69a7a6883725ef3815f799bc8d8f9ec96dadcb93a9
DROP TABLE `child`;--> statement-breakpoint
DROP TABLE `parent`;