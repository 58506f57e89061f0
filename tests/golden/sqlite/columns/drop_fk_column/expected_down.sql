-- drizzle:down sha256=1c1c4f27a5f5944c09e1b447298bd3133af44d725bf12cd5b6cb8f95775f6242
-- irreversible: column "t"."pid" is recreated without its values
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`pid` integer,
	`x` text,
	CONSTRAINT `fk_t_pid_parent_id_fk` FOREIGN KEY (`pid`) REFERENCES `parent`(`id`)
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `x`) SELECT `id`, `x` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;