-- drizzle:down sha256=4e06a14736e9a012e0e03df2ac9a62af636cb496efca8b01c8a7835635323c93
DROP VIEW "named";