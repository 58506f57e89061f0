-- drizzle:down sha256=c2d3a5df1b93a0449bc045ecc95607df0a26310098601502b60e3278dfbacefb
DROP INDEX "t_j";--> statement-breakpoint
DROP INDEX "t_s";