-- drizzle:down sha256=e8302fff3818e3e1a5e6f4fa59546ef613e343f32de4bac3d0fcee5a98ef4c8e
ALTER TABLE "b" DROP CONSTRAINT "b_code_fk";--> statement-breakpoint
ALTER TABLE "a" DROP CONSTRAINT "a_code_key";