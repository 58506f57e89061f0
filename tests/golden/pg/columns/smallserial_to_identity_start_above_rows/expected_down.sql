-- drizzle:down sha256=3d55818a6d7e50aa55be6d469eaab6a003a8ee9f4c80f5b5c6acbcda0cf0a36d
ALTER TABLE "t" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
CREATE SEQUENCE "t_id_seq" AS smallint OWNED BY "t"."id";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('"t_id_seq"'::regclass);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 1), false) FROM "t";