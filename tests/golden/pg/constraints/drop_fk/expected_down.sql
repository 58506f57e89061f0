-- drizzle:down sha256=c6612b00ac5f8587f61bfe48a3458dc14cc6ff275326a2b2f4a3ae53b81d7e4e
ALTER TABLE "t" ADD CONSTRAINT "t_pid_fk" FOREIGN KEY ("pid") REFERENCES "parent"("id");