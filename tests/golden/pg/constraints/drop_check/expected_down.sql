-- drizzle:down sha256=8037d542c61145a429feaa0c828e0e8efc85c4aa61ca2b9ae2bb6622e8ff46c7
ALTER TABLE "t" ADD CONSTRAINT "age_check" CHECK (age >= 0);