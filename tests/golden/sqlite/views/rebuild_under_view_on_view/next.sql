CREATE TABLE `t` (`id` integer PRIMARY KEY, `a` integer DEFAULT 0 NOT NULL);
CREATE VIEW `v1` AS select "a" from "t";
CREATE VIEW `v2` AS select * from "v1";
