CREATE TABLE `t` (`id` integer PRIMARY KEY, `email` text);
CREATE UNIQUE INDEX `t_email_unique` ON `t` (`email`);
