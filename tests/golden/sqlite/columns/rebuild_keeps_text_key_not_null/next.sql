CREATE TABLE `t` (`id` text PRIMARY KEY, `a` text);
