CREATE TABLE `t` (`id` integer PRIMARY KEY, `age` integer, CONSTRAINT `age_check` CHECK(age >= 0));
