CREATE TABLE `t` (`a` integer, `double_a` integer GENERATED ALWAYS AS (a * 2) VIRTUAL);
