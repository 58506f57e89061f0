-- drizzle:down sha256=ec71bb70c320418adc1a2fc9607f16f0e8bda00d08337dbc05f0ae91ee138abe
ALTER TABLE "t" DROP CONSTRAINT "t_pid_fk";--> statement-breakpoint
ALTER TABLE "t" ADD CONSTRAINT "t_pid_fk" FOREIGN KEY ("pid") REFERENCES "parent"("id");