-- drizzle:down sha256=410fddf757c78c111014ff0025a45022a7461890d768db8221ab3e47528b9c27
CREATE SEQUENCE "t_id_seq" AS integer OWNED BY "t"."id";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('"t_id_seq"'::regclass);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 1), false) FROM "t";