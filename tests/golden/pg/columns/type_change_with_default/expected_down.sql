-- drizzle:down sha256=f339651d117f4f280e008779d77b3c3aa8fa4c7d94671cfa56878c75441dae86
ALTER TABLE "t" ALTER COLUMN "a" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE integer USING "a"::integer;--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "a" SET DEFAULT 0;