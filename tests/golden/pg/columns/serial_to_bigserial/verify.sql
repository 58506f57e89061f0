SELECT setval('t_id_seq', 2147483647);
INSERT INTO t (name) VALUES ('beyond integer');
