CREATE TABLE `t` (`id` integer PRIMARY KEY, `a` text);
CREATE INDEX `t_a_idx` ON `t` (`a`);
CREATE UNIQUE INDEX `t_id_a` ON `t` (`id`,`a`);
