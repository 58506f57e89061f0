-- drizzle:down sha256=c2cb86cb2c705a22ba030be6bed85506a7bd6e379194bfdab1b1de2511b7a6e2
DROP INDEX "t_lower";