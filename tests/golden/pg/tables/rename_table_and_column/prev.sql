CREATE TABLE "authors" ("id" integer PRIMARY KEY, "full_name" text NOT NULL);
CREATE TABLE "posts" ("id" integer PRIMARY KEY, "writer_id" integer REFERENCES "authors"("id"), "title" varchar(200));
CREATE INDEX "posts_title_idx" ON "posts" ("title");
