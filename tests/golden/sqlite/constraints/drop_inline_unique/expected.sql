PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`title` text,
	`slug` text
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `title`, `slug`) SELECT `id`, `title`, `slug` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;