-- drizzle:down sha256=b0222d5bb7821d2fe001a51cb29c3a9b9ebad621bb16448be55a7779b01bbcd6
DROP VIEW "v";--> statement-breakpoint
CREATE VIEW "v" AS (SELECT users.id
   FROM users);