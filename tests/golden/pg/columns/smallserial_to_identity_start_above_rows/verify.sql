INSERT INTO t (name) VALUES ('d');
DO $$ BEGIN IF (SELECT max(id) FROM t) <> 100 THEN RAISE EXCEPTION 'identity did not start at its START WITH'; END IF; END $$;
