INSERT INTO t VALUES (3, 'one', 3, 'x', 'y');
INSERT INTO t VALUES (4, 'four', 4, 'a', 'b');
