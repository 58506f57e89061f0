-- drizzle:down sha256=22f7119d3631e0d303bae7c57e91846de45ad3196b3c68489640978044ff41a3
DROP TYPE "mood";--> statement-breakpoint
CREATE TYPE "mood" AS ENUM('sad', 'happy');