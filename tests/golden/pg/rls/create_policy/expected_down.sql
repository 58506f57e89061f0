-- drizzle:down sha256=b713a8861ca04b059b8a7e41abcaa882e2b01ec1b09fff180744745c0247590c
DROP POLICY "own" ON "users";