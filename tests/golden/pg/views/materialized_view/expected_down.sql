-- drizzle:down sha256=dcada71a56f8984484255defec6cff2ee662f6098bb1c9dc434ef0c54d251bfd
DROP MATERIALIZED VIEW "mv";