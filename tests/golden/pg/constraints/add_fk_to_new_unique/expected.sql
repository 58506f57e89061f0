ALTER TABLE "a" ADD CONSTRAINT "a_code_key" UNIQUE("code");--> statement-breakpoint
ALTER TABLE "b" ADD CONSTRAINT "b_code_fk" FOREIGN KEY ("code") REFERENCES "a"("code");