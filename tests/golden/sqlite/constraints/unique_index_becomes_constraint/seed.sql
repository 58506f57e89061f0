INSERT INTO t VALUES (1, 'a@x'), (2, 'b@x');
