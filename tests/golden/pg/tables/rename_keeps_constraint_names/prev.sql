CREATE TABLE "parent" ("id" serial PRIMARY KEY);
CREATE TABLE "t" ("id" serial PRIMARY KEY, "pid" integer REFERENCES "parent"("id") ON DELETE CASCADE, "code" text UNIQUE);
