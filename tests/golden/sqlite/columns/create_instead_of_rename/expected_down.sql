-- drizzle:down sha256=ef1c79df798aefcd1c9b7635785b7860aeaea67154f243dda0d29ce4f70d9962
-- irreversible: column "t"."c" is recreated without its values
ALTER TABLE `t` ADD `c` text;--> statement-breakpoint
ALTER TABLE `t` DROP COLUMN `c2`;