-- drizzle:down sha256=996db540ba613869f8a64efd206fb412d1bffa4d57e38c9a307bfbd4d2aef303
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_memberships` (
	`user_id` text NOT NULL,
	`group_id` text NOT NULL,
	CONSTRAINT `memberships_pk` PRIMARY KEY(`user_id`, `group_id`)
);
--> statement-breakpoint
INSERT INTO `__new_memberships`(`user_id`, `group_id`) SELECT `user_id`, `group_id` FROM `memberships`;--> statement-breakpoint
DROP TABLE `memberships`;--> statement-breakpoint
ALTER TABLE `__new_memberships` RENAME TO `memberships`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text
);
--> statement-breakpoint
INSERT INTO `__new_users`(`id`, `name`) SELECT `id`, `name` FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;