-- drizzle:down sha256=0bbbffb0d184a6b9697e3d36a633fd4074b87fb35efd8c1d3d1fe4c9c6466364
DROP TABLE "ug";