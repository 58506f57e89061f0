-- drizzle:down sha256=fbc23e50a65632cb02724fee385949f18399ea459ec360ac134ef6d26c0b6431
DROP INDEX `t_email_unique`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`email` text UNIQUE
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `email`) SELECT `id`, `email` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;