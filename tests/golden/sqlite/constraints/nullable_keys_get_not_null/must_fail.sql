INSERT INTO users(id, name) VALUES (NULL, 'x');
INSERT INTO memberships VALUES (NULL, 'g');
INSERT INTO memberships VALUES ('u', NULL);
