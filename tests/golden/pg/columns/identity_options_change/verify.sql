INSERT INTO t (name) VALUES ('d');
DO $$ BEGIN IF (SELECT id FROM t WHERE name = 'd') <> 1000 THEN RAISE EXCEPTION 'identity did not restart at the new START WITH'; END IF; END $$;
