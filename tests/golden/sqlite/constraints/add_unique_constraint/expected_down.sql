-- drizzle:down sha256=c071ad3579e170b7205a176d745544e6bdfaa4994567927fc24ba88e0e3517fa
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`a` text,
	`b` text
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`, `b`) SELECT `id`, `a`, `b` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;