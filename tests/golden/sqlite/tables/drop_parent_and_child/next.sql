CREATE TABLE `keep` (`id` integer);
