-- drizzle:down sha256=fbd14ba3528349a7322fdaf598ee6bd340d4914e1c25ffbe56a9f131d509cf32
-- irreversible: column "users"."active" keeps the default the up migration put in place of its NULLs
DROP VIEW `v`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY,
	`active` integer
);
--> statement-breakpoint
INSERT INTO `__new_users`(`id`, `active`) SELECT `id`, `active` FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE VIEW `v` AS select "id", "active" from "users";