INSERT INTO t VALUES ('{"k": 1}');
