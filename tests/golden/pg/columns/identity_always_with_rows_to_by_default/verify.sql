INSERT INTO t (name) VALUES ('c');
INSERT INTO t (id, name) VALUES (100, 'explicit');
