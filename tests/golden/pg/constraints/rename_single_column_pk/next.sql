CREATE TABLE "Suggestion" ("id" uuid NOT NULL, "title" text, CONSTRAINT "suggestion_key" PRIMARY KEY ("id"));
