CREATE TABLE "child" (
	"id" serial PRIMARY KEY,
	"a" integer,
	"b" integer
);
--> statement-breakpoint
CREATE TABLE "parent" (
	"id" serial PRIMARY KEY
);
--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_a_fkey" FOREIGN KEY ("a") REFERENCES "parent"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_b_fk" FOREIGN KEY ("b") REFERENCES "parent"("id") ON DELETE SET NULL ON UPDATE CASCADE;