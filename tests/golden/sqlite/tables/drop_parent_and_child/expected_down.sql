-- drizzle:down sha256=082c857ffe027deb7a9ed185612da2080ad43d1562466c199c9aa0a4ae1c3f93
-- irreversible: table "child" is recreated empty
-- irreversible: table "parent" is recreated empty
CREATE TABLE `child` (
	`id` integer PRIMARY KEY,
	`pid` integer,
	CONSTRAINT `fk_child_pid_parent_id_fk` FOREIGN KEY (`pid`) REFERENCES `parent`(`id`)
);
--> statement-breakpoint
CREATE TABLE `parent` (
	`id` integer PRIMARY KEY,
	`name` text
);
