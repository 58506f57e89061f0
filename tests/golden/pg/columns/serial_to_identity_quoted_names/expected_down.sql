-- drizzle:down sha256=4b506f73557abb289dc53db72f67d4d24cfb0b1cfd885a029d3eb1ed613bb1a2
ALTER TABLE "App"."User Accounts" ALTER COLUMN "Id" DROP IDENTITY;--> statement-breakpoint
CREATE SEQUENCE "App"."User Accounts_Id_seq" AS integer OWNED BY "App"."User Accounts"."Id";--> statement-breakpoint
ALTER TABLE "App"."User Accounts" ALTER COLUMN "Id" SET DEFAULT nextval('"App"."User Accounts_Id_seq"'::regclass);--> statement-breakpoint
SELECT setval(pg_get_serial_sequence('"App"."User Accounts"', 'Id'), GREATEST(MAX("Id") + 1, 1), false) FROM "App"."User Accounts";