-- drizzle:down sha256=849d13cf1241fb14ef087b7c82a9e640bd585ad34b4238d5d5fa844220438881
-- irreversible: table "gone" is recreated empty
CREATE TABLE "gone" (
	"id" integer
);
