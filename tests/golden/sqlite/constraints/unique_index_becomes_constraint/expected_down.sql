-- drizzle:down sha256=814f0849df2f731f95f3fd65fa014b04401736b0a71b30a11df4a7d675994c51
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`email` text
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `email`) SELECT `id`, `email` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `t_email_unique` ON `t` (`email`);