CREATE TABLE `users` (`id` integer PRIMARY KEY, `active` integer);
CREATE VIEW `v` AS select "id" from "users";
