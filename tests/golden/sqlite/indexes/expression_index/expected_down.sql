-- drizzle:down sha256=2a0cd90780028c2e89967a45b46da3672072d80fa967ea59e8b2063e8c381f76
DROP INDEX `t_lower_email`;