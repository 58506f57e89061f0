CREATE TABLE `t` (`id` integer PRIMARY KEY, `title` text UNIQUE, `slug` text, CONSTRAINT `t_slug_unique` UNIQUE(`slug`));
