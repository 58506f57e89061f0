PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`a` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`) SELECT `id`, COALESCE(`a`, 0) FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE VIEW `v` AS select "a" from "t";