-- drizzle:down sha256=da3f4deb8ddb4862b501b04c74a4bc3fed5f320cdd8034bc614cae5510026d8e
DROP VIEW "v";