CREATE TABLE `users` (`id` text PRIMARY KEY, `name` text);
CREATE TABLE `memberships` (`user_id` text, `group_id` text, CONSTRAINT `memberships_pk` PRIMARY KEY(`user_id`, `group_id`));
CREATE TABLE `counters` (`id` int PRIMARY KEY, `n` integer);
CREATE TABLE `events` (`id` integer PRIMARY KEY, `n` integer);
