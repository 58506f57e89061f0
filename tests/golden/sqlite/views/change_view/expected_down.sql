-- drizzle:down sha256=2a23eca211a9640b54202e89b0f189354f887e0e769847738d6c7a7d8ef77070
DROP VIEW `v`;--> statement-breakpoint
CREATE VIEW `v` AS select "id" from "users";