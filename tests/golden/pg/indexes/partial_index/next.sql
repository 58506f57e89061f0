CREATE TABLE "t" ("email" text, "deleted" boolean);
CREATE UNIQUE INDEX "t_live" ON "t" ("email") WHERE deleted = false;
