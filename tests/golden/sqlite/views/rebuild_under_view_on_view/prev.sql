CREATE TABLE `t` (`id` integer PRIMARY KEY, `a` integer);
CREATE VIEW `v1` AS select "a" from "t";
CREATE VIEW `v2` AS select * from "v1";
