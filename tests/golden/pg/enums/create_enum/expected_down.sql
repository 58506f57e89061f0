-- drizzle:down sha256=f5a0f55a1245022339b1b64a338d558c897129c33d5ca2d07c0824a8873af929
DROP TABLE "t";--> statement-breakpoint
DROP TYPE "mood";