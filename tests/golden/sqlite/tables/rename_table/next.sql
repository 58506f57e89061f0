CREATE TABLE `t2` (`id` integer PRIMARY KEY, `a` text);
