-- drizzle:down sha256=8f58dfb88048f1b0ddff05c4d49918871e00d3304ea4d6f37af3c189331b1b84
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_parent` (
	`id` integer PRIMARY KEY,
	`x` integer
);
--> statement-breakpoint
INSERT INTO `__new_parent`(`id`, `x`) SELECT `id`, `x` FROM `parent`;--> statement-breakpoint
DROP TABLE `parent`;--> statement-breakpoint
ALTER TABLE `__new_parent` RENAME TO `parent`;--> statement-breakpoint
PRAGMA foreign_keys=ON;