CREATE TABLE `t` (`id` integer PRIMARY KEY, `title` text, `slug` text);
