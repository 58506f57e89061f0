CREATE TYPE "feeling" AS ENUM('sad', 'ok', 'great');
CREATE TABLE "t" ("m" "feeling" DEFAULT 'great');
