-- drizzle:down sha256=af24d082913040262c36db246ee354f3723ef38f53a836a1b0f58d47494f038d
ALTER TABLE "t" ALTER COLUMN "id" DROP DEFAULT;--> statement-breakpoint
DO $drizzle$ DECLARE owned text := pg_get_serial_sequence('"t"', 'id'); BEGIN IF owned IS NOT NULL THEN EXECUTE 'DROP SEQUENCE ' || owned; END IF; END $drizzle$;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 1), false) FROM "t";