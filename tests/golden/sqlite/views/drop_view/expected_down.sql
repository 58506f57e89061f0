-- drizzle:down sha256=d175d17cf6ca089c70758f339e6d24a36bea15e5c09a223b3803cb6760b2f286
CREATE VIEW `v` AS select "id" from "users";