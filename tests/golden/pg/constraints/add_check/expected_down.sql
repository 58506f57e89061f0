-- drizzle:down sha256=b2b16ffcddaf3e0266f36a19c154a71af9f22bfb7782e2331884c56709d6faf2
ALTER TABLE "t" DROP CONSTRAINT "age_check";