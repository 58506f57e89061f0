-- drizzle:down sha256=618e1067cb986537d75918d4f0940a3b4f3a6b683cea11d8d62ba89e28a5dd08
CREATE INDEX "t_a" ON "t" ("a");