INSERT INTO products(id, price, stock, label) VALUES ('a', 5, 1, 'x'), ('b', 50, 2, 'products.price'), ('c', 0, NULL, '"products"');
