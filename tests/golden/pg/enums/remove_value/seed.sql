INSERT INTO t VALUES ('sad', '{ok,sad}'), ('ok', NULL);
