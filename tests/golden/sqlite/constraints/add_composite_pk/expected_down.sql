-- drizzle:down sha256=9e6db870d0d0cdebcc85685a24ff7a7b2b2563913371fc7e5ed374318f3f8d42
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`a` integer NOT NULL,
	`b` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_t`(`a`, `b`) SELECT `a`, `b` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;