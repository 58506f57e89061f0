-- drizzle:down sha256=e6713e56252a45e3f89d46d3295612ec31e51bd6a5219f3430723456daa0deb6
DROP TABLE "billing"."inv";--> statement-breakpoint
DROP TYPE "billing"."currency";--> statement-breakpoint
DROP SCHEMA "billing";