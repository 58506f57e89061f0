-- drizzle:down sha256=48b12f2cab5c90d18ad812ad4c3746087e7957f539cd10bdc136ffb81de0ba00
DROP TABLE `users`;