DROP INDEX `t_idx`;--> statement-breakpoint
CREATE INDEX `t_idx` ON `t` (`a`,`b`);