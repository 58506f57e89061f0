CREATE VIEW "named" AS (SELECT users.id,
    users.name
   FROM users
  WHERE users.name <> ''::text);