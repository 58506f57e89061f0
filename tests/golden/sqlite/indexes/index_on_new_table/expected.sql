CREATE TABLE `t` (
	`id` integer PRIMARY KEY,
	`a` text
);
--> statement-breakpoint
CREATE INDEX `t_a_idx` ON `t` (`a`);--> statement-breakpoint
CREATE UNIQUE INDEX `t_id_a` ON `t` (`id`,`a`);