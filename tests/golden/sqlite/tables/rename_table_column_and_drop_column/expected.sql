ALTER TABLE `users` RENAME TO `people`;--> statement-breakpoint
ALTER TABLE `people` RENAME COLUMN `full_name` TO `name`;--> statement-breakpoint
ALTER TABLE `people` DROP COLUMN `nick`;