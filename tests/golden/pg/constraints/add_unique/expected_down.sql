-- drizzle:down sha256=00416c584ae50ddf84343a03d6f1e9968e2a8f0bf63d9dafb493dfaa3e85db7b
ALTER TABLE "t" DROP CONSTRAINT "t_a_unique";