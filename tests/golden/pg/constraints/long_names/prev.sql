CREATE TABLE "elterntabelle" ("id" serial PRIMARY KEY);
CREATE TABLE "überlange_tabelle_mit_vielen_zeichen" ("id" integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "verweis_auf_die_eltern_tabelle_ülßä" integer, "eindeutiger_schlüssel_für_die_prüfung" text);
