ALTER TABLE "t" DROP CONSTRAINT "t_pkey";--> statement-breakpoint
ALTER TABLE "t" ALTER COLUMN "b" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "t" ADD PRIMARY KEY ("a");