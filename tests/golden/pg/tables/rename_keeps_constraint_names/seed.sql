INSERT INTO "parent" DEFAULT VALUES;
INSERT INTO "t" ("pid", "code") VALUES (1, 'a');
