PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`a` text DEFAULT 'none' NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`) SELECT `id`, COALESCE(`a`, 'none') FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;