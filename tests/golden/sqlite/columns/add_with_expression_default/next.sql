CREATE TABLE `t` (`id` integer PRIMARY KEY, `created` integer DEFAULT (unixepoch()));
