-- drizzle:down sha256=9ed4de62e9d856f1c465bca8f4edc47060a5889f851fcf7b3737e9dec03e28da
ALTER TABLE `t2` RENAME TO `t`;