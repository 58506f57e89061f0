CREATE TABLE "a" ("code" text, CONSTRAINT "a_code_key" UNIQUE("code"));
CREATE TABLE "b" ("code" text, CONSTRAINT "b_code_fk" FOREIGN KEY ("code") REFERENCES "a"("code"));
