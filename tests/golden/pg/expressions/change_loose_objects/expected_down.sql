-- drizzle:down sha256=51220e2721ad5bbbd66470bf7515cb195b899a076cdda92f7f9b9b3251eadaab
DROP VIEW "big_items";--> statement-breakpoint
DROP INDEX "items_big_idx";--> statement-breakpoint
ALTER TABLE "items" DROP CONSTRAINT "price_check";--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "qty" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "qty" SET DEFAULT 1;--> statement-breakpoint
ALTER TABLE "items" DROP COLUMN "total";--> statement-breakpoint
ALTER TABLE "items" ADD COLUMN "total" numeric GENERATED ALWAYS AS (price * (qty)::numeric) STORED;--> statement-breakpoint
ALTER TABLE "items" ADD CONSTRAINT "price_check" CHECK (price > 0::numeric);--> statement-breakpoint
CREATE INDEX "items_big_idx" ON "items" ("sku") WHERE qty > 1;--> statement-breakpoint
CREATE VIEW "big_items" AS (SELECT items.id,
    items.sku
   FROM items
  WHERE items.qty > 1);