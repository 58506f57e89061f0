-- drizzle:down sha256=c0bc5de309038214b424fdc44f2b29644ee018a49d654dc0454c54794c3a90b8
-- irreversible: column "t"."b" is recreated without its values
ALTER TABLE "t" ADD COLUMN "b" text;