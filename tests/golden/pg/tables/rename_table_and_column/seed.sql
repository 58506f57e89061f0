INSERT INTO authors VALUES (1, 'Ada'); INSERT INTO posts VALUES (10, 1, 'first'), (11, NULL, NULL);
