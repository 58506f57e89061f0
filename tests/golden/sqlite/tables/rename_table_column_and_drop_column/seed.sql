INSERT INTO users VALUES (1, 'Ada', 'a', 36), (2, 'Bob', NULL, NULL);
