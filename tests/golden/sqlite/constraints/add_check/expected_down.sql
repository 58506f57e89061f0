-- drizzle:down sha256=b45b4080ac57db439aa1ba50639b80f3ee173a04bbdd0f279a971ef7340b2164
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`age` integer
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `age`) SELECT `id`, `age` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;