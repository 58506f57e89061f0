ALTER TABLE "posts" RENAME TO "articles";--> statement-breakpoint
ALTER TABLE "articles" RENAME COLUMN "writer_id" TO "author_id";--> statement-breakpoint
ALTER TABLE "articles" DROP CONSTRAINT "posts_writer_id_fkey";--> statement-breakpoint
ALTER TABLE "articles" DROP CONSTRAINT "posts_pkey";--> statement-breakpoint
ALTER TABLE "articles" ADD PRIMARY KEY ("id");--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "authors"("id");