-- drizzle-kit writes primaryKey({ name: "Suggestion_id_pk", columns: [t.id] }) as a named constraint.
CREATE TABLE "Suggestion" ("id" uuid NOT NULL, "title" text, CONSTRAINT "Suggestion_id_pk" PRIMARY KEY ("id"));
