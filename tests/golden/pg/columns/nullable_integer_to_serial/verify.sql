INSERT INTO t (name) VALUES ('c');
DO $$ BEGIN IF (SELECT n FROM t WHERE name = 'c') <> 6 THEN RAISE EXCEPTION 'serial did not continue past the rows'; END IF; END $$;
