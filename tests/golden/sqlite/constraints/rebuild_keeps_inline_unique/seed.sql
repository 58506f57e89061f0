INSERT INTO t VALUES (1, 'one', 1, 'a', 'b'), (2, 'two', 2, 'a', 'c');
