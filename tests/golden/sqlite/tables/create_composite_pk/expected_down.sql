-- drizzle:down sha256=756f1c943ab9eaa8787246190499f05c436d71d636fb57c45f80bdd8cbc51126
DROP TABLE `user_groups`;