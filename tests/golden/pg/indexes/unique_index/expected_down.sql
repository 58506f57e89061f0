-- drizzle:down sha256=e8ec7150b51def4bda298560b41656d903d6b1ccb5bfa3952f4df1943359d386
DROP INDEX "t_email_idx";