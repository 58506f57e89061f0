-- drizzle:down sha256=69665259fb2b74de7267209ce027abdf8555cdc988ec0a502f830df71c97ea3d
ALTER TABLE `t` DROP COLUMN `created`;