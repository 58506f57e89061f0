CREATE SEQUENCE "t_id_seq" AS integer OWNED BY "t"."id";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('"t_id_seq"'::regclass);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 1), false) FROM "t";