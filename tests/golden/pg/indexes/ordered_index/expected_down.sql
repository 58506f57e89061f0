-- drizzle:down sha256=59a2732a48d4347ab95aa969f56abfa4fc269a0d2c583eca0f1e1ddbef1f3bd6
DROP INDEX "t_ord";