-- drizzle:down sha256=cfc6019008afdd2ed2f0378b72bddbe762ca40978924cf6c7db4c093514d9191
DROP TABLE "child";--> statement-breakpoint
DROP TABLE "parent";