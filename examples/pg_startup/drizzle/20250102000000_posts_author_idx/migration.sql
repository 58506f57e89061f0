-- drizzle:txmode none
-- CREATE INDEX CONCURRENTLY refuses to run inside a transaction: the line above runs this file
-- outside one. If it is interrupted, PostgreSQL can leave an INVALID index behind; drop it and
-- migrate again.
CREATE INDEX CONCURRENTLY IF NOT EXISTS "posts_author_idx" ON "posts" ("author_id");