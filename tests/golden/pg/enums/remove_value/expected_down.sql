-- drizzle:down sha256=42e9d3fff12716f8245fca8c8d665255e77593133556be300bd1049d29fa1645
-- irreversible: enum "mood" gets its removed values back, but rows that held them were changed by the up migration
ALTER TYPE "mood" ADD VALUE 'happy';