INSERT INTO t (name) VALUES ('d');
DO $$ BEGIN IF (SELECT id FROM t WHERE name = 'd') <> -21 THEN RAISE EXCEPTION 'descending identity did not continue below the rows'; END IF; END $$;
