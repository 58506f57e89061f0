INSERT INTO t VALUES (1, 'happy'), (2, 'ok'), (3, NULL);
