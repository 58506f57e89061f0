INSERT INTO t (id, name) VALUES (10, 'c');
DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_class WHERE relkind = 'S' AND relnamespace = 'public'::regnamespace) THEN RAISE EXCEPTION 'the serial sequence was left behind'; END IF; END $$;
