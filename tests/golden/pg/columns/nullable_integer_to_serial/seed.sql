INSERT INTO t VALUES (5, 'a'), (3, 'b');
