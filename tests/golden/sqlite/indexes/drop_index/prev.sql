CREATE TABLE `t` (`id` integer PRIMARY KEY, `a` text);
CREATE INDEX `t_a_idx` ON `t` (`a`);
