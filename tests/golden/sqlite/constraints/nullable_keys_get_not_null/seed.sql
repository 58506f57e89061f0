INSERT INTO users VALUES ('u1', 'a'), ('u2', 'b');
INSERT INTO memberships VALUES ('u1', 'g1'), ('u2', 'g1');
INSERT INTO events VALUES (1, 1);
