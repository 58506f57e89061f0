PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` text PRIMARY KEY NOT NULL,
	`a` text
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`) SELECT `id`, `a` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;