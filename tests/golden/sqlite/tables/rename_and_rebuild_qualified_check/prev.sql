CREATE TABLE `products` (
	`id` integer PRIMARY KEY,
	`price` integer NOT NULL,
	CONSTRAINT "price_check" CHECK("products"."price" >= 0)
);
CREATE INDEX `cheap_idx` ON `products` (`price`) WHERE "products"."price" < 10;
