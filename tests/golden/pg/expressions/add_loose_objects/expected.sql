ALTER TABLE "items" ALTER COLUMN "qty" SET DEFAULT (1 * 1);--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "total" numeric GENERATED ALWAYS AS (price * (qty)::numeric) STORED;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "price_check" CHECK (price > 0::numeric);--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "sku_check" CHECK (sku::text ~~ 'SKU-%'::text AND sku::text <> 'SKU-0'::text);--> statement-breakpoint
CREATE INDEX "items_big_idx" ON "items" ("sku") WHERE (qty > 1) OR ((price >= (10)::numeric) AND (price <= (100)::numeric));--> statement-breakpoint
CREATE INDEX "items_lower_sku_idx" ON "items" ((lower(sku::text)),(price * 2::numeric));--> statement-breakpoint
CREATE VIEW "big_items" AS (SELECT items.id,
    items.sku
   FROM items
  WHERE items.qty > 1);--> statement-breakpoint
CREATE MATERIALIZED VIEW "item_totals" AS (SELECT items.sku,
    sum(items.price * items.qty::numeric) AS value
   FROM items
  GROUP BY items.sku);