-- drizzle:down sha256=e73fa195dc2b1e7aabe7351fc2a5492c1884ef3baa79ef889d1f841c6a017ace
-- irreversible: table "b" is recreated empty
CREATE TABLE `b` (
	`id` integer PRIMARY KEY
);
