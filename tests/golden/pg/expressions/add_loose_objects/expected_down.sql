-- drizzle:down sha256=7edeba588d85ced1124e6217c92714f405204ccddd5ba86c98f02b6c5bdf7d72
DROP VIEW "big_items";--> statement-breakpoint
DROP MATERIALIZED VIEW "item_totals";--> statement-breakpoint
DROP INDEX "items_big_idx";--> statement-breakpoint
DROP INDEX "items_lower_sku_idx";--> statement-breakpoint
ALTER TABLE "items" DROP CONSTRAINT "price_check";--> statement-breakpoint
ALTER TABLE "items" DROP CONSTRAINT "sku_check";--> statement-breakpoint
ALTER TABLE "items" ALTER COLUMN "qty" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "items" DROP COLUMN "total";