-- drizzle:down sha256=611883b29a3f154698e668128b6d63d9469170c5e4b6afd3360fb7b59e11938a
-- irreversible: column "goods"."price" goes back from real to integer; values the up cast changed stay changed
ALTER TABLE `goods` RENAME TO `products`;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_products` (
	`id` integer PRIMARY KEY,
	`price` integer NOT NULL,
	CONSTRAINT `price_check` CHECK("__new_products"."price" >= 0)
);
--> statement-breakpoint
INSERT INTO `__new_products`(`id`, `price`) SELECT `id`, `price` FROM `products`;--> statement-breakpoint
DROP TABLE `products`;--> statement-breakpoint
ALTER TABLE `__new_products` RENAME TO `products`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `cheap_idx` ON `products` (`price`) WHERE "products"."price" < 10;