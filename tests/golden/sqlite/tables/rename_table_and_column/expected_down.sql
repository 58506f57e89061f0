-- drizzle:down sha256=0bc0336b5e288f9a47decf4c775b155635bd2b9d9fcd80da81029bce06feb2b7
ALTER TABLE `t2` RENAME TO `t`;--> statement-breakpoint
ALTER TABLE `t` RENAME COLUMN `d2` TO `d`;