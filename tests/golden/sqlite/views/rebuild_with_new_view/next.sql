CREATE TABLE `t` (`id` integer PRIMARY KEY, `a` integer DEFAULT 0 NOT NULL);
CREATE VIEW `v` AS select "a" from "t";
