-- drizzle:down sha256=872fa8a548e3c759086c899843a42e93517f48ed4585d5f195b7e6c138484067
DROP TABLE `counters`;--> statement-breakpoint
DROP TABLE `events`;--> statement-breakpoint
DROP TABLE `memberships`;--> statement-breakpoint
DROP TABLE `users`;