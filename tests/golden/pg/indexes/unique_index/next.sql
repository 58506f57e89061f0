CREATE TABLE "t" ("email" text);
CREATE UNIQUE INDEX "t_email_idx" ON "t" ("email");
