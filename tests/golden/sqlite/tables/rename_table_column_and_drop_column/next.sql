CREATE TABLE `people` (`id` integer PRIMARY KEY, `name` text NOT NULL, `age` integer);
CREATE INDEX `users_full_name_idx` ON `people` (`name`);
