-- drizzle:down sha256=1f1a6fcdbfbcbb69fab8a41b4e4b17ddcac3181e0963c74528ecdd56a6ff2fdc
ALTER TABLE `t` RENAME COLUMN `d2` TO `d`;