-- drizzle:down sha256=0b63617dbaa75d8153ec5a1b49195326d6989a477f11ddd70c041609e238a60c
ALTER TABLE "articles" RENAME TO "posts";--> statement-breakpoint
ALTER TABLE "posts" RENAME COLUMN "author_id" TO "writer_id";--> statement-breakpoint
ALTER TABLE "posts" DROP CONSTRAINT "articles_author_id_fkey";--> statement-breakpoint
ALTER TABLE "posts" DROP CONSTRAINT "articles_pkey";--> statement-breakpoint
ALTER TABLE "posts" ADD PRIMARY KEY ("id");--> statement-breakpoint
ALTER TABLE "posts" ADD CONSTRAINT "posts_writer_id_fkey" FOREIGN KEY ("writer_id") REFERENCES "authors"("id");