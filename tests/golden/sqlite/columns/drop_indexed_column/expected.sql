DROP INDEX `t_b_idx`;--> statement-breakpoint
ALTER TABLE `t` DROP COLUMN `b`;