CREATE TABLE `users` (`id` integer PRIMARY KEY AUTOINCREMENT, `name` text NOT NULL, `email` text(256));
