-- drizzle:down sha256=1f18d297490e685629224832635fed7cffa214fdc8e34cab005adb23a1845e82
-- irreversible: schema "audit" is recreated empty
CREATE SCHEMA "audit";