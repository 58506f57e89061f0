CREATE TABLE `products` (
	`id` text PRIMARY KEY NOT NULL,
	`price` integer NOT NULL,
	`stock` real,
	`label` text DEFAULT 'products.price',
	`double_price` integer GENERATED ALWAYS AS (price * 2) VIRTUAL,
	CONSTRAINT "price_check" CHECK("products"."price" >= 0),
	CONSTRAINT "stock_check" CHECK(`products`.`stock` >= 0 AND products.stock < 100000),
	CONSTRAINT "label_check" CHECK(PRODUCTS.label <> '"products"."price"' AND [products].label <> 'products.x'),
	CONSTRAINT "schema_check" CHECK(main.products.price < 1000000)
);
CREATE INDEX `products_cheap_idx` ON `products` (`price`) WHERE "products"."price" < 10;
