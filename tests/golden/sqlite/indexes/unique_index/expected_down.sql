-- drizzle:down sha256=389247b3cac1e3d6de3dc69cb5b01ac3a21139d62d12db85a94038e57b6ad8e5
DROP INDEX `t_email_unique`;