-- drizzle:down sha256=fb17624b66029ddec5979a3c5db67f82ec3bf71db66c5723c9c51a1227fdd743
DROP TABLE `t`;