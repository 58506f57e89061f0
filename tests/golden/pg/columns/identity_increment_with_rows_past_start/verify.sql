INSERT INTO t (name) VALUES ('c');
INSERT INTO t (name) VALUES ('d');
