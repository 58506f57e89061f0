CREATE TABLE "Suggestion" ("id" uuid NOT NULL, "title" text, CONSTRAINT "Suggestion_id_pk" PRIMARY KEY ("id"));
