CREATE TABLE `users` (`id` integer PRIMARY KEY, `active` integer NOT NULL DEFAULT 1);
CREATE VIEW `v` AS select "id", "active" from "users";
