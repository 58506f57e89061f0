INSERT INTO parent VALUES (1,'p'); INSERT INTO t VALUES (1, 1.5, 1, 'q');
