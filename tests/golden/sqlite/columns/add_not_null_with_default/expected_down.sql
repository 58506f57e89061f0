-- drizzle:down sha256=38c89f559a38d0d873b550af7fdc18a9e0131bb9e5c87e5a06f17b6d1effb10a
ALTER TABLE `t` DROP COLUMN `d`;