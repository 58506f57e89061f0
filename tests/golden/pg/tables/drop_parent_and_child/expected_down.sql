-- drizzle:down sha256=25c494a80bffe2bd55a284e41bb290983cdc19f6f74c2d53eae5f6ae2f1103c1
-- irreversible: table "child" is recreated empty
-- irreversible: table "parent" is recreated empty
CREATE TABLE "child" (
	"id" integer,
	"pid" integer
);
--> statement-breakpoint
CREATE TABLE "parent" (
	"id" serial PRIMARY KEY
);
--> statement-breakpoint
ALTER TABLE "child" ADD CONSTRAINT "child_pid_fkey" FOREIGN KEY ("pid") REFERENCES "parent"("id");