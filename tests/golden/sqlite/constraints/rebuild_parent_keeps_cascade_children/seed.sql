INSERT INTO parent VALUES (1, 10), (2, 20); INSERT INTO child VALUES (1, 1), (2, 1), (3, 2);
