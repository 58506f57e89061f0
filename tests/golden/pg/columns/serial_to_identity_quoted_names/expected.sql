ALTER TABLE "App"."User Accounts" ALTER COLUMN "Id" DROP DEFAULT;--> statement-breakpoint
DO $drizzle$ DECLARE owned text := pg_get_serial_sequence('"App"."User Accounts"', 'Id'); BEGIN IF owned IS NOT NULL THEN EXECUTE 'DROP SEQUENCE ' || owned; END IF; END $drizzle$;--> statement-breakpoint
ALTER TABLE "App"."User Accounts" ALTER COLUMN "Id" ADD GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"App"."User Accounts"', 'Id'), GREATEST(MAX("Id") + 1, 1), false) FROM "App"."User Accounts";