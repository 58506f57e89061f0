CREATE TABLE `parent` (`id` integer PRIMARY KEY, `name` text);
CREATE TABLE `t` (`id` integer PRIMARY KEY, `a` real NOT NULL, `pid` integer, `d` text DEFAULT 'x', CONSTRAINT `fk_t_pid_parent_id_fk` FOREIGN KEY (`pid`) REFERENCES `parent`(`id`) ON DELETE CASCADE);
