CREATE TABLE `t` (`i` integer, `s` text, `s2` text(50), `r` real, `b` blob, `n` numeric);
