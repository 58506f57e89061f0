CREATE TABLE `t` (`id` integer PRIMARY KEY, `email` text, `deleted` integer);
CREATE UNIQUE INDEX `t_live_email` ON `t` (`email`) WHERE deleted = 0;
