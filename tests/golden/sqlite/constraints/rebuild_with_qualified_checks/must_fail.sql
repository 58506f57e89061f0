INSERT INTO products(id, price) VALUES ('neg', -1);
INSERT INTO products(id, price, stock) VALUES ('s', 1, -1);
INSERT INTO products(id, price, label) VALUES ('l', 1, '"products"."price"');
INSERT INTO products(id, price) VALUES ('big', 2000000);
INSERT INTO products(id, price) VALUES (NULL, 1);
