CREATE TABLE `child` (
	`id` integer PRIMARY KEY,
	`pid` integer,
	`pid2` integer,
	CONSTRAINT `fk_child_pid_parent_id_fk` FOREIGN KEY (`pid`) REFERENCES `parent`(`id`) ON DELETE CASCADE,
	CONSTRAINT `fk_child_pid2_parent_id_fk` FOREIGN KEY (`pid2`) REFERENCES `parent`(`id`) ON UPDATE CASCADE ON DELETE SET NULL
);
--> statement-breakpoint
CREATE TABLE `parent` (
	`id` integer PRIMARY KEY,
	`name` text
);
