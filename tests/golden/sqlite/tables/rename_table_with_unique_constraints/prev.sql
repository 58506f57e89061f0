CREATE TABLE `posts` (
	`id` integer PRIMARY KEY,
	`title` text NOT NULL UNIQUE,
	`slug` text,
	`a` text,
	`b` text,
	CONSTRAINT `posts_slug_unique` UNIQUE(`slug`),
	CONSTRAINT `posts_a_b_unique` UNIQUE(`a`,`b`)
);
