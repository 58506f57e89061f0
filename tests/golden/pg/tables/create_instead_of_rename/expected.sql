CREATE TABLE "t2" (
	"id" integer
);
--> statement-breakpoint
DROP TABLE "t";