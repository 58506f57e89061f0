CREATE SEQUENCE "t_n_seq" AS integer OWNED BY "t"."n";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "n" SET DEFAULT nextval('"t_n_seq"'::regclass);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"t"', 'n'), GREATEST(MAX("n") + 1, 1), false) FROM "t";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "n" SET NOT NULL;