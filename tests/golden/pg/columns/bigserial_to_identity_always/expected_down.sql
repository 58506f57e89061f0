-- drizzle:down sha256=e5eb80a722847a6966fc4182eb0a7388da3b6cf910f5922a49a9d9a269f567b7
ALTER TABLE "t" ALTER COLUMN "id" DROP IDENTITY;--> statement-breakpoint
CREATE SEQUENCE "t_id_seq" AS bigint OWNED BY "t"."id";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "id" SET DEFAULT nextval('"t_id_seq"'::regclass);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'id'), GREATEST(MAX("id") + 1, 1), false) FROM "t";