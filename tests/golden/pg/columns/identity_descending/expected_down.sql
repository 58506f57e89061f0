-- drizzle:down sha256=970105ac978f0ad7b437fa2db9c847c8e0f4ebe367831966e5cf3afdb76e297f
ALTER TABLE "t" ALTER COLUMN "id" SET INCREMENT BY -1 SET MINVALUE -2147483648 SET MAXVALUE -1 SET START WITH -1 SET CACHE 1 SET NO CYCLE RESTART;--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), LEAST(MIN("id") - 1, -1), false) FROM "t";