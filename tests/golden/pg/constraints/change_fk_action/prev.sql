CREATE TABLE "parent" ("id" serial PRIMARY KEY);
CREATE TABLE "t" ("pid" integer, CONSTRAINT "t_pid_fk" FOREIGN KEY ("pid") REFERENCES "parent"("id"));
