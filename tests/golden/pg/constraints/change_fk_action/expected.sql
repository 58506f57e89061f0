ALTER TABLE "t" DROP CONSTRAINT "t_pid_fk";--> statement-breakpoint
ALTER TABLE "t" ADD CONSTRAINT "t_pid_fk" FOREIGN KEY ("pid") REFERENCES "parent"("id") ON DELETE SET NULL;