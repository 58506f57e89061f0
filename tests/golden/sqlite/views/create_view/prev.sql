CREATE TABLE `users` (`id` integer PRIMARY KEY, `active` integer);
