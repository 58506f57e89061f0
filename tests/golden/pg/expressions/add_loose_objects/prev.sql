CREATE TABLE "items" ("id" serial PRIMARY KEY, "sku" varchar(40) NOT NULL, "price" numeric(10,2), "qty" integer);
