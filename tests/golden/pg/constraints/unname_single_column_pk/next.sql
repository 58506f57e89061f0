CREATE TABLE "Suggestion" ("id" uuid PRIMARY KEY, "title" text);
