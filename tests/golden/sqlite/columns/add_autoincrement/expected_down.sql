-- drizzle:down sha256=28f7e3ae4432168d58f1f1995d9e0101ec458bce252b51342d2f4a37ae38046b
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`a` text
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`) SELECT `id`, `a` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;