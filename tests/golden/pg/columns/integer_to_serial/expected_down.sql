-- drizzle:down sha256=81f4104b3a03a20caf31a56ec8f0aaf19eab84834f14fc457543d001174e535c
ALTER TABLE "t" ALTER COLUMN "id" DROP DEFAULT;--> statement-breakpoint
DO $drizzle$ DECLARE owned text := pg_get_serial_sequence('"t"', 'id'); BEGIN IF owned IS NOT NULL THEN EXECUTE 'DROP SEQUENCE ' || owned; END IF; END $drizzle$;