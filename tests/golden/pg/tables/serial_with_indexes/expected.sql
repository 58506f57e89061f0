CREATE TABLE "t" (
	"id" serial,
	"a" integer,
	"g" integer GENERATED ALWAYS AS (a + 1) STORED
);
--> statement-breakpoint
CREATE INDEX "t_a" ON "t" ("a");--> statement-breakpoint
CREATE INDEX "t_id" ON "t" ("id");--> statement-breakpoint
CREATE INDEX "t_id_a" ON "t" ("id","a");