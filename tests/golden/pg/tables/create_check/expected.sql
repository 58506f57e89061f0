CREATE TABLE "t" (
	"age" integer,
	CONSTRAINT "age_check" CHECK (age >= 0)
);
