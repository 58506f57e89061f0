CREATE TABLE "ug" ("user_id" integer NOT NULL, "group_id" integer NOT NULL, CONSTRAINT "ug_user_id_group_id_pk" PRIMARY KEY("user_id","group_id"));
