INSERT INTO t (name) VALUES ('a'), ('b');
SELECT setval('t_id_seq', 2147483000);
INSERT INTO t (name) VALUES ('c');
