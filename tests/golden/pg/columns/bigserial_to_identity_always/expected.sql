ALTER TABLE "t" ALTER COLUMN "id" DROP DEFAULT;--> statement-breakpoint
DO $drizzle$ DECLARE owned text := pg_get_serial_sequence('"t"', 'id'); BEGIN IF owned IS NOT NULL THEN EXECUTE 'DROP SEQUENCE ' || owned; END IF; END $drizzle$;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY (START WITH 2);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 2), false) FROM "t";