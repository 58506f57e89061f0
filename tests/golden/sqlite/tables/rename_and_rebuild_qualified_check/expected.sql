ALTER TABLE `products` RENAME TO `goods`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_goods` (
	`id` integer PRIMARY KEY,
	`price` real NOT NULL,
	CONSTRAINT `price_check` CHECK("__new_goods"."price" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_goods`(`id`, `price`) SELECT `id`, `price` FROM `goods`;--> statement-breakpoint
DROP TABLE `goods`;--> statement-breakpoint
ALTER TABLE `__new_goods` RENAME TO `goods`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `cheap_idx` ON `goods` (`price`) WHERE "goods"."price" < 10;