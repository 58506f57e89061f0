-- drizzle:down sha256=9b6a8d24415981214d24fd6d130c2df3af50f016f86eeef9261ffa1dc8235594
ALTER TABLE "t" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
CREATE SEQUENCE "t_id_seq" AS integer OWNED BY "t"."id";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('"t_id_seq"'::regclass);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 1), false) FROM "t";