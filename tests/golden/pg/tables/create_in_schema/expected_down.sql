-- drizzle:down sha256=19e0b4c193428bfd88bfad85e49fdaf5b54f50f582abded0e40f1d8ce9d584ff
DROP TABLE "billing"."invoices";--> statement-breakpoint
DROP SCHEMA "billing";