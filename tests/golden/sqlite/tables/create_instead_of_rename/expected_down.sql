-- drizzle:down sha256=d69b107f1767f85464872cd25c3fed576fb0f943b0d1e101e8d8154f0d4f17bc
-- irreversible: table "t" is recreated empty
CREATE TABLE `t` (
	`id` integer PRIMARY KEY
);
--> statement-breakpoint
DROP TABLE `t2`;