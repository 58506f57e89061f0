DROP VIEW `v2`;--> statement-breakpoint
DROP VIEW `v1`;--> statement-breakpoint
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
CREATE VIEW `v1` AS select "a" from "t";--> statement-breakpoint
CREATE VIEW `v2` AS select * from "v1";