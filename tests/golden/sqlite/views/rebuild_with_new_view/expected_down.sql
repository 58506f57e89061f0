-- drizzle:down sha256=08632d758ccba4fc68add087375647ab2a94bb658038e0ba5946ad76c0433c5d
-- irreversible: column "t"."a" keeps the default the up migration put in place of its NULLs
DROP VIEW `v`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`a` integer
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`) SELECT `id`, `a` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;