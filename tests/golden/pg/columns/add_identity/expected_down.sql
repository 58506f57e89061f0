-- drizzle:down sha256=f8d5b032d3aaa854aa1dc18095b38d76deb4db491c9a1e1a922aff09b41205a0
ALTER TABLE "t" DROP COLUMN "id";