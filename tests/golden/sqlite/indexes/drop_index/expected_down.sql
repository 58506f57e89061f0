-- drizzle:down sha256=3252fdadd719a071f519d10e168f3aa6f229b5dc15011df496850c3eccd8c0d3
CREATE INDEX `t_a_idx` ON `t` (`a`);