CREATE TYPE "mood" AS ENUM('sad', 'happy');
