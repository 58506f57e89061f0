-- drizzle:down sha256=9f36010096976a927ccb771c649cba3aa9975e99b8495621dba3be90f8b8cc5b
ALTER TABLE "t" ALTER COLUMN "id" SET DATA TYPE integer USING "id"::integer;--> statement-breakpoint
DO $drizzle$ BEGIN EXECUTE 'ALTER SEQUENCE ' || pg_get_serial_sequence('"t"', 'id') || ' AS integer'; END $drizzle$;