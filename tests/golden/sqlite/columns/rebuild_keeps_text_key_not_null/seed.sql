INSERT INTO t VALUES ('x', 1), ('y', 2);
