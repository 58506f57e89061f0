INSERT INTO "App"."User Accounts" (name) VALUES ('a'), ('b');
