DROP SEQUENCE "my_seq";--> statement-breakpoint
DROP SEQUENCE "s"."q";