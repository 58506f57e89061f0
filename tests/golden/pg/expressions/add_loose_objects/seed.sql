INSERT INTO items (sku, price, qty) VALUES ('SKU-1', 5, 2), ('SKU-2', 20, 1);
