CREATE TABLE `counters` (
	`id` int PRIMARY KEY NOT NULL,
	`n` integer
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY,
	`n` integer
);
--> statement-breakpoint
CREATE TABLE `memberships` (
	`user_id` text NOT NULL,
	`group_id` text NOT NULL,
	CONSTRAINT `memberships_pk` PRIMARY KEY(`user_id`, `group_id`)
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text
);
