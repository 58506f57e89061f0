CREATE TABLE `parent` (`id` integer PRIMARY KEY, `name` text);
CREATE TABLE `t2` (`id` integer PRIMARY KEY, `a` real NOT NULL, `pid` integer, `d2` text DEFAULT 'x', CONSTRAINT `fk_t2_pid_parent_id_fk` FOREIGN KEY (`pid`) REFERENCES `parent`(`id`) ON DELETE CASCADE);
