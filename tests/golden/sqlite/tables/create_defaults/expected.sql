CREATE TABLE `t` (
	`id` integer PRIMARY KEY,
	`s` text DEFAULT 'it''s',
	`n` integer DEFAULT 42,
	`f` real DEFAULT 1.5,
	`b` integer DEFAULT true,
	`ts` integer DEFAULT (unixepoch()) NOT NULL
);
