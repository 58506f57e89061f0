DROP VIEW "v";--> statement-breakpoint
CREATE VIEW "v" AS (SELECT users.id,
    users.name
   FROM users);