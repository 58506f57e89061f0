-- drizzle:down sha256=0c2a7a02b1d74097424bfcbb444634984e4ddec1104aeb6524d4d5402784d4a7
CREATE VIEW "v" AS (SELECT users.id
   FROM users);