-- drizzle:down sha256=4fe71febfc68e4c5ecb30a0d574996cbbb588812ecbb69e18a25e05777c5e50c
ALTER TABLE "t" RENAME COLUMN "d2" TO "d";