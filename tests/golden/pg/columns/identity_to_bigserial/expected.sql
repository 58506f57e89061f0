ALTER TABLE "t" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" SET DATA TYPE bigint USING "id"::bigint;--> statement-breakpoint
CREATE SEQUENCE "t_id_seq" AS bigint OWNED BY "t"."id";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('"t_id_seq"'::regclass);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 1), false) FROM "t";