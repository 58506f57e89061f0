-- drizzle:down sha256=b01e7afa1cea1fafc51d595a8ddfa1cf93ee5edad542d308e0113bfd36968097
ALTER TABLE "t2" RENAME TO "t";--> statement-breakpoint
ALTER TABLE "t" DROP CONSTRAINT "t_pkey";--> statement-breakpoint
ALTER TABLE "t" ADD PRIMARY KEY ("id");