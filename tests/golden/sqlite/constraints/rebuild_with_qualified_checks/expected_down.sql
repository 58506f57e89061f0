-- drizzle:down sha256=f93c166d9592dfc6dc2a934bc454d2cece2e24b94bcae76443253911f5283843
-- irreversible: column "products"."stock" goes back from real to integer; values the up cast changed stay changed
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_products` (
	`id` text PRIMARY KEY NOT NULL,
	`price` integer NOT NULL,
	`stock` integer,
	`label` text DEFAULT 'products.price',
	`double_price` integer GENERATED ALWAYS AS (price * 2) VIRTUAL,
	CONSTRAINT `price_check` CHECK("__new_products"."price" >= 0),
	CONSTRAINT `stock_check` CHECK("__new_products".`stock` >= 0 AND "__new_products".stock < 100000),
	CONSTRAINT `label_check` CHECK("__new_products".label <> '"products"."price"' AND "__new_products".label <> 'products.x'),
	CONSTRAINT `schema_check` CHECK(main."__new_products".price < 1000000)
);
--> statement-breakpoint
INSERT INTO `__new_products`(`id`, `price`, `stock`, `label`) SELECT `id`, `price`, `stock`, `label` FROM `products`;--> statement-breakpoint
DROP TABLE `products`;--> statement-breakpoint
ALTER TABLE `__new_products` RENAME TO `products`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `products_cheap_idx` ON `products` (`price`) WHERE "products"."price" < 10;