-- drizzle:down sha256=702a2de1a21d55b7b65f6420e48674eb70437e5cdeb087f43786003dd7b3b1f9
-- irreversible: column "t"."a" goes back from integer to text; values the up cast changed stay changed
ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE text USING "a"::text;