INSERT INTO t (name) VALUES ('a'), ('b'), ('c');
