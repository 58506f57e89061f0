DROP INDEX "t_i";--> statement-breakpoint
CREATE INDEX "t_i" ON "t" ("a","b");