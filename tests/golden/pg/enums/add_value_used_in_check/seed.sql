INSERT INTO posts VALUES (1, 'draft'), (2, 'live');
