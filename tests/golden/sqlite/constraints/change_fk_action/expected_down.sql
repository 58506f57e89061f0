-- drizzle:down sha256=eb396c15d9fd9a5fbfb5315443b3b02ad0af1b20acc13323de12399c36484d6b
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`pid` integer,
	CONSTRAINT `fk_t_pid_parent_id_fk` FOREIGN KEY (`pid`) REFERENCES `parent`(`id`)
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `pid`) SELECT `id`, `pid` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;