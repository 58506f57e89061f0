CREATE TABLE `t` (`id` integer PRIMARY KEY AUTOINCREMENT, `a` text);
