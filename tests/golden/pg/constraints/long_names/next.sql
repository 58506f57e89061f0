-- Names longer than 63 bytes: PostgreSQL cuts them at a character boundary (NAMEDATALEN - 1).
CREATE TABLE "elterntabelle" ("id" serial PRIMARY KEY);
CREATE TABLE "überlange_tabelle_mit_vielen_zeichen" ("id" integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "verweis_auf_die_eltern_tabelle_ülßä" integer, "eindeutiger_schlüssel_für_die_prüfung" text,
    CONSTRAINT "überlange_tabelle_mit_vielen_zeichen_verweis_auf_die_eltern_tabelle_ülßä_elterntabelle_id_fk" FOREIGN KEY ("verweis_auf_die_eltern_tabelle_ülßä") REFERENCES "elterntabelle"("id"),
    CONSTRAINT "überlange_tabelle_mit_vielen_zeichen_eindeutiger_schlüssel_für_die_prüfung_unique" UNIQUE ("eindeutiger_schlüssel_für_die_prüfung"));
CREATE INDEX "idx_überlange_tabelle_mit_vielen_zeichen_eindeutiger_schlüssel_für_die_prüfung_index" ON "überlange_tabelle_mit_vielen_zeichen" ("eindeutiger_schlüssel_für_die_prüfung");
