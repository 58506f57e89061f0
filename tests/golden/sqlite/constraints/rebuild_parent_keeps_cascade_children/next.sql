CREATE TABLE `parent` (`id` integer PRIMARY KEY, `x` text);
CREATE TABLE `child` (`id` integer PRIMARY KEY, `pid` integer, CONSTRAINT `fk_child_pid_parent_id_fk` FOREIGN KEY (`pid`) REFERENCES `parent`(`id`) ON DELETE CASCADE);
