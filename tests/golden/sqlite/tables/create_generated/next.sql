CREATE TABLE `t` (`a` integer, `b` integer, `v` integer GENERATED ALWAYS AS (a + b) VIRTUAL, `s` text GENERATED ALWAYS AS (a || '-' || b) STORED);
