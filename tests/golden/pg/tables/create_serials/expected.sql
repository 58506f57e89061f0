CREATE TABLE "t" (
	"a" serial,
	"b" smallserial,
	"c" bigserial
);
