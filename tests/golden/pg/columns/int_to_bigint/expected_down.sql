-- drizzle:down sha256=c85945c41fbd52d49156340daa4ad8a92d2f1ed91c5f72e235d3e41fe16dc54d
ALTER TABLE "t" ALTER COLUMN "a" SET DATA TYPE integer USING "a"::integer;