CREATE TABLE "parent" ("id" serial PRIMARY KEY);
CREATE TABLE "child" ("id" serial PRIMARY KEY, "a" integer REFERENCES "parent"("id") ON DELETE CASCADE, "b" integer, CONSTRAINT "child_b_fk" FOREIGN KEY ("b") REFERENCES "parent"("id") ON DELETE SET NULL ON UPDATE CASCADE);
