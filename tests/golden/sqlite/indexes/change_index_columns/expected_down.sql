-- drizzle:down sha256=63e7b339ef7749faf144b077bb31bc3fb4dc6542b94a4905cf5fe501cbd16901
DROP INDEX `t_idx`;--> statement-breakpoint
CREATE INDEX `t_idx` ON `t` (`a`);