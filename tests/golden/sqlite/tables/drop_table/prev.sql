CREATE TABLE `a` (`id` integer PRIMARY KEY);
CREATE TABLE `b` (`id` integer PRIMARY KEY);
