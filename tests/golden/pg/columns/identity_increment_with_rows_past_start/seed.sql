INSERT INTO t (name) VALUES ('a'), ('b');
INSERT INTO t (id, name) VALUES (50, 'manual');
