-- drizzle:down sha256=d1d2de479b227caa843137ca9336671530a01f4bdd606fae1ecd61db7828f851
-- irreversible: column "t"."a" keeps the default the up migration put in place of its NULLs
DROP VIEW `v2`;--> statement-breakpoint
DROP VIEW `v1`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`a` integer
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`) SELECT `id`, `a` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE VIEW `v1` AS select "a" from "t";--> statement-breakpoint
CREATE VIEW `v2` AS select * from "v1";