INSERT INTO t VALUES (1, 'a', 'c'), (2, 'c', NULL);
