INSERT INTO t VALUES (1, 'one', 's'), (2, 'two', 't');
