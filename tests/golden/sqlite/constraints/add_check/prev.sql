CREATE TABLE `t` (`id` integer PRIMARY KEY, `age` integer);
