INSERT INTO posts VALUES (1, 'one', 's1', 'a', 'b'), (2, 'two', 's2', 'a', 'c');
