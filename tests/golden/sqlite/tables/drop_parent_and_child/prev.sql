CREATE TABLE `parent` (`id` integer PRIMARY KEY, `name` text);
CREATE TABLE `child` (`id` integer PRIMARY KEY, `pid` integer REFERENCES `parent`(`id`));
CREATE TABLE `keep` (`id` integer);
