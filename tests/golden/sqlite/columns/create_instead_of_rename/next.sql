CREATE TABLE `t` (`id` integer PRIMARY KEY, `c2` text);
