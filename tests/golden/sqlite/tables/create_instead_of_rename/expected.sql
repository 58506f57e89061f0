CREATE TABLE `t2` (
	`id` integer PRIMARY KEY
);
--> statement-breakpoint
DROP TABLE `t`;