CREATE SCHEMA "billing";--> statement-breakpoint
CREATE TYPE "billing"."currency" AS ENUM('usd', 'eur');--> statement-breakpoint
CREATE TABLE "billing"."inv" (
	"cur" "billing"."currency" NOT NULL
);
