INSERT INTO entries VALUES (1, 'sad'), (2, DEFAULT), (3, 'happy');
