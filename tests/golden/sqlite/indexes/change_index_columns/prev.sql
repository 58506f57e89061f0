CREATE TABLE `t` (`id` integer PRIMARY KEY, `a` text, `b` text);
CREATE INDEX `t_idx` ON `t` (`a`);
