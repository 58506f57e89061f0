-- drizzle:down sha256=f6d27694a49e211d58ec340e498701edcdfdf5b27ac9e5c53a3d549022c32383
ALTER TABLE "t" ALTER COLUMN "id" ADD GENERATED ALWAYS AS IDENTITY;--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 1), false) FROM "t";