CREATE VIEW "v" WITH (security_barrier = true) AS (SELECT users.id
   FROM users);