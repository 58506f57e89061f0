INSERT INTO articles VALUES (3, 'one', 's3', 'x', 'y');
INSERT INTO articles VALUES (4, 'four', 's1', 'x', 'z');
INSERT INTO articles VALUES (5, 'five', 's5', 'a', 'b');
