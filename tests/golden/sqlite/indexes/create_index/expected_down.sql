-- drizzle:down sha256=782978a6095df4b6e69d10e6aa46f522fa17c5d0f6afe8a7f1af676f5b07e09f
DROP INDEX `t_a_b_idx`;