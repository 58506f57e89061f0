CREATE TABLE "t" (
	"id" serial PRIMARY KEY,
	"s" text DEFAULT 'it''s',
	"v" varchar(20) DEFAULT '',
	"n" integer DEFAULT 42,
	"b" boolean DEFAULT true NOT NULL,
	"ts" timestamp DEFAULT now() NOT NULL,
	"u" uuid DEFAULT gen_random_uuid(),
	"j" jsonb DEFAULT '{}',
	"arr" integer[] DEFAULT '{1,2}'
);
