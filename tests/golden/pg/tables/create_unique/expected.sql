CREATE TABLE "t" (
	"a" text,
	"b" text,
	CONSTRAINT "t_a_unique" UNIQUE("a"),
	CONSTRAINT "t_ab" UNIQUE NULLS NOT DISTINCT("a","b")
);
