-- drizzle:down sha256=72b1ff013ec34ac1671093a68c342e930d8cb87a5ea3899cb92fb9c8e4a9285d
-- irreversible: column "t"."a" keeps the default the up migration put in place of its NULLs
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