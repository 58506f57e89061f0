CREATE TABLE `user_groups` (`user_id` integer NOT NULL, `group_id` integer NOT NULL, CONSTRAINT `user_groups_pk` PRIMARY KEY(`user_id`, `group_id`));
