PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`a` integer,
	`double_a` integer GENERATED ALWAYS AS (a * 2) STORED
);
--> statement-breakpoint
INSERT INTO `__new_t`(`a`) SELECT `a` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;