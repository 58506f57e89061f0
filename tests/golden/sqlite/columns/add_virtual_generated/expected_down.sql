-- drizzle:down sha256=c5ee8d6c4f1754c90da5e3691da0d6237b997bda165b78caf3eb63e44d7e5c55
ALTER TABLE `t` DROP COLUMN `double_a`;