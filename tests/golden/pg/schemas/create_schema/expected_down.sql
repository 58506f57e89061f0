-- drizzle:down sha256=38d9ac5928edb29f6b1068fa9b2802292daf155a6e08278d52f10fe98367aed1
DROP SCHEMA "audit";