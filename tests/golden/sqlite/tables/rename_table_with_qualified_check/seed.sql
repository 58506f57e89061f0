INSERT INTO products VALUES (1, 5), (2, 50);
