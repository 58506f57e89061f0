INSERT INTO t (name) VALUES ('d');
