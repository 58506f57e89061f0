CREATE TABLE `t` (`id` integer PRIMARY KEY, `d2` text);
