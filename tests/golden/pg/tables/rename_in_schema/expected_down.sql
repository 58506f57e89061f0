-- drizzle:down sha256=471e3bab2c1953b4d57230d45420f41cdca21ba539d4cc0ead9301d2eacebe43
ALTER TABLE "s"."t2" RENAME TO "t";