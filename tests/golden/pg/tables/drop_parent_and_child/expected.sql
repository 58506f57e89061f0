DROP TABLE "child";--> statement-breakpoint
DROP TABLE "parent";