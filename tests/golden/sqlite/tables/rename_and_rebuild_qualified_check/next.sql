CREATE TABLE `goods` (
	`id` integer PRIMARY KEY,
	`price` real NOT NULL,
	CONSTRAINT "price_check" CHECK("goods"."price" >= 0)
);
CREATE INDEX `cheap_idx` ON `goods` (`price`) WHERE "goods"."price" < 10;
