-- drizzle:down sha256=25e2bff17d0d7f351c4482777cb3c10521e7b21b6501ed7041bc60f14b31c1a7
-- irreversible: table "t" is recreated empty
CREATE TABLE "t" (
	"id" integer
);
--> statement-breakpoint
DROP TABLE "t2";