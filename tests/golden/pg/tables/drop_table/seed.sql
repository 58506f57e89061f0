INSERT INTO users (name) VALUES ('a');
