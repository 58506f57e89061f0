CREATE TABLE `t` (`id` integer PRIMARY KEY, `title` text NOT NULL UNIQUE, `n` text, `a` text, `b` text, CONSTRAINT `t_a_b_unique` UNIQUE(`a`,`b`));
