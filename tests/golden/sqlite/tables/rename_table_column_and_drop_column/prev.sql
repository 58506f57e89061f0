CREATE TABLE `users` (`id` integer PRIMARY KEY, `full_name` text NOT NULL, `nick` text, `age` integer);
CREATE INDEX `users_full_name_idx` ON `users` (`full_name`);
