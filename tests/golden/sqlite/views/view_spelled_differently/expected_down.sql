-- drizzle:down sha256=0e6475e0e27260ee552aa67bc222c06f00f33af783e12bfecd4f9969688af9d7
DROP VIEW `v`;