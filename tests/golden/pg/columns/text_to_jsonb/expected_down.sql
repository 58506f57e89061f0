-- drizzle:down sha256=8302b586fc6b21efc06db5710d8291ab1aab7a3e037be404e7030b9031fa8969
-- irreversible: column "t"."a" goes back from jsonb to text; values the up cast changed stay changed
ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE text USING "a"::text;