-- drizzle:down sha256=4cdb85138aec1c5ab87e9ebced368fd0474f74db57280a019a5782aa5b9e1c61
-- irreversible: column "t"."a" goes back from real to integer; values the up cast changed stay changed
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_t` (
	`id` integer PRIMARY KEY,
	`a` integer
);
--> statement-breakpoint
INSERT INTO `__new_t`(`id`, `a`) SELECT `id`, `a` FROM `t`;--> statement-breakpoint
DROP TABLE `t`;--> statement-breakpoint
ALTER TABLE `__new_t` RENAME TO `t`;--> statement-breakpoint
PRAGMA foreign_keys=ON;