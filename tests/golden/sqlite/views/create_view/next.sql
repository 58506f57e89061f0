CREATE TABLE `users` (`id` integer PRIMARY KEY, `active` integer);
CREATE VIEW `active_users` AS select "id" from "users" where "active" = 1;
