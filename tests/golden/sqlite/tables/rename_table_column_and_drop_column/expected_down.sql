-- drizzle:down sha256=124793253a80eb037cf258b85f1318593c901e7d7017f1524ff64d7fae9b4458
-- irreversible: column "people"."nick" is recreated without its values
ALTER TABLE `people` RENAME TO `users`;--> statement-breakpoint
ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`;--> statement-breakpoint
ALTER TABLE `users` ADD `nick` text;