CREATE TABLE `t` (`id` text PRIMARY KEY NOT NULL, `a` integer);
