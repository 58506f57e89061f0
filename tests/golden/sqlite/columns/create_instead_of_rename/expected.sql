ALTER TABLE `t` ADD `c2` text;--> statement-breakpoint
ALTER TABLE `t` DROP COLUMN `c`;