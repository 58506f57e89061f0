PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`a` text,
	`b` text,
	CONSTRAINT `t_a_b_unique` UNIQUE(`a`,`b`)
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`, `b`) SELECT `id`, `a`, `b` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;