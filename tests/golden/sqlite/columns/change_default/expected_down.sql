-- drizzle:down sha256=ed661ca0b2e4b4bba0d2b317b8903ed14efc88e92a6b7a16db43ac083c09ea8a
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`a` text DEFAULT 'x'
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`) SELECT `id`, `a` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;