CREATE TABLE `t` (`id` integer PRIMARY KEY, `d` text DEFAULT 'none' NOT NULL);
