CREATE TABLE `parent` (`id` integer PRIMARY KEY, `name` text);
CREATE TABLE `t` (`id` integer PRIMARY KEY, `pid` integer);
