-- drizzle:down sha256=6e4d9f9f9d0dfd7a3c18ca74dfea74f76036e219bdca27e75625c0efb7d3187d
ALTER TABLE "t" ADD PRIMARY KEY ("id");