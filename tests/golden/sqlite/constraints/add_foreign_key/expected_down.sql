-- drizzle:down sha256=ff92dd4a5a1fb857f7ec921f2aa4492a907f7a73eb504420a9e033914478f1d2
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`pid` integer
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `pid`) SELECT `id`, `pid` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;