-- PostgreSQL keeps constraint names when a table is renamed; drizzle-kit 1.0 keeps them too.
CREATE TABLE "parent" ("id" serial PRIMARY KEY);
CREATE TABLE "t2" ("id" serial, "pid" integer, "code" text,
    CONSTRAINT "t_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "t_pid_fkey" FOREIGN KEY ("pid") REFERENCES "parent"("id") ON DELETE CASCADE,
    CONSTRAINT "t_code_key" UNIQUE ("code"));
