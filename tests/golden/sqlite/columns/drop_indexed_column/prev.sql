CREATE TABLE `t` (`id` integer PRIMARY KEY, `a` integer, `b` text);
CREATE INDEX `t_b_idx` ON `t` (`b`);
