CREATE TABLE `articles` (
	`id` integer PRIMARY KEY,
	`title` text NOT NULL UNIQUE,
	`slug` text,
	`a` text,
	`b` text,
	CONSTRAINT `articles_slug_unique` UNIQUE(`slug`),
	CONSTRAINT `articles_a_b_unique` UNIQUE(`a`,`b`)
);
