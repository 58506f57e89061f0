-- drizzle:down sha256=559afb14d0c097618f0ce654a2d6b80d10005b9742d13a56827ee6b7fb1566c5
-- irreversible: column "t"."b" is recreated without its values
ALTER TABLE `t` ADD `b` text;