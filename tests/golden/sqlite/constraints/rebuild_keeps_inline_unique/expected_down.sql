-- drizzle:down sha256=5233e7af528a7ab73eadc9d7a9076adb97e91032a6f8ecc12700cf36bbc42c87
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`title` text NOT NULL UNIQUE,
	`n` integer,
	`a` text,
	`b` text,
	CONSTRAINT `t_a_b_unique` UNIQUE(`a`,`b`)
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `title`, `n`, `a`, `b`) SELECT `id`, `title`, `n`, `a`, `b` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;