-- drizzle:down sha256=2986733d640262e77ff37c82be8ba0cef6ca15ba628a5dbef5462713aadaa93f
ALTER TABLE "t" ALTER COLUMN "n" DROP DEFAULT;--> statement-breakpoint
DO $drizzle$ DECLARE owned text := pg_get_serial_sequence('"t"', 'n'); BEGIN IF owned IS NOT NULL THEN EXECUTE 'DROP SEQUENCE ' || owned; END IF; END $drizzle$;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "n" DROP NOT NULL;