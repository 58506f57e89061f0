-- drizzle:down sha256=f3854012a28d1174bbc279b20cc604cfb01217985786ee9bc600170cd2561ad8
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`title` text UNIQUE,
	`slug` text,
	CONSTRAINT `t_slug_unique` UNIQUE(`slug`)
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `title`, `slug`) SELECT `id`, `title`, `slug` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;