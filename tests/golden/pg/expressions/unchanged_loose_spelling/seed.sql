INSERT INTO items (sku, name, price, qty) VALUES ('SKU-1', 'a', 5, 2), ('SKU-2', 'b', 20, 1);
