CREATE TABLE `users` (`id` integer PRIMARY KEY, `age` integer, CONSTRAINT `age_check` CHECK("users"."age" >= 0));
