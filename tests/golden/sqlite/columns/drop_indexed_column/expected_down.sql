-- drizzle:down sha256=9c392b1b37c1bb2977b313490e3ae88c08f69b1f2c31830a33e736259e297c1f
-- irreversible: column "t"."b" is recreated without its values
ALTER TABLE `t` ADD `b` text;--> statement-breakpoint
CREATE INDEX `t_b_idx` ON `t` (`b`);