PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`a` integer NOT NULL,
	`b` integer NOT NULL,
	CONSTRAINT `t_pk` PRIMARY KEY(`a`, `b`)
);
--> statement-breakpoint
INSERT INTO `__new_t`(`a`, `b`) SELECT `a`, `b` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;