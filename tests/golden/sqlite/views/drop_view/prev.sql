CREATE TABLE `users` (`id` integer PRIMARY KEY);
CREATE VIEW `v` AS select "id" from "users";
