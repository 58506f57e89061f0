-- drizzle:down sha256=3e16ef608a6769637dcd2d38adc37f3cd8fbeb6afdf9412c237029069af6aaef
DROP TABLE "users";