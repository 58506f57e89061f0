-- drizzle:down sha256=d6fdd778ad93f9f07a2095b9fa668e91ea13533c7926d04560777fd8d5bfb7c5
DROP TABLE "Suggestion";