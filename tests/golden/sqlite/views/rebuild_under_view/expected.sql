DROP VIEW `v`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY,
	`active` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_users`(`id`, `active`) SELECT `id`, COALESCE(`active`, 1) FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE VIEW `v` AS select "id", "active" from "users";