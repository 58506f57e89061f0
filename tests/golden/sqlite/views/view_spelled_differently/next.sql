CREATE TABLE `t` (`id` integer PRIMARY KEY);
create view if not exists "v"
As select id from t;
