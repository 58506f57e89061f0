INSERT INTO t (name) VALUES ('a'), ('b'), ('c');
INSERT INTO t (id, name) VALUES (-20, 'manual');
