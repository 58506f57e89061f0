-- drizzle:down sha256=7b3dd9a655fbae3f0f6f109dd8d14cfcf6423dc3cc0eb2773bd951749ab55a52
-- irreversible: column "t"."c" is recreated without its values
ALTER TABLE "t" ADD COLUMN "c" varchar(10);--> statement-breakpoint
ALTER TABLE "t" DROP COLUMN "c2";