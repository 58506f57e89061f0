INSERT INTO "App"."User Accounts" (name) VALUES ('c');
