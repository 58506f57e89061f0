ALTER TABLE "t" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 1), false) FROM "t";