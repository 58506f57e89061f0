-- drizzle:down sha256=515822c3b3370c8aadb9803dce7905edecde71f31ed639564e1991d0d5e0403f
ALTER TABLE "users" DROP COLUMN "age";