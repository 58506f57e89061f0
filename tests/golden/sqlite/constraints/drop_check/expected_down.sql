-- drizzle:down sha256=077a6a692aa9252ca1c8afdc2cc46d12ce12068a248f03cceb28200465d6b883
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`age` integer,
	CONSTRAINT `age_check` CHECK(age >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `age`) SELECT `id`, `age` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;