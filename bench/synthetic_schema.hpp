// The benchmark workload: N tables of 12 mixed columns, 2 indexes and 1 foreign key each.
#pragma once

#include "drizzle/schema/model.hpp"

#include <string>

namespace drizzle::bench {

/// `tables` tables t_0000.. with drizzle-kit's benchmark shape (see ../shared/reference §8): serial
/// key, a foreign key to the previous table, text, varchar(255), integer, numeric(10,2), boolean
/// with a default, timestamp default now(), timestamp, jsonb, uuid default random, text; one
/// plain and one unique index. SQLite gets the same shape in SQLite types.
/// `extra_column` adds a nullable text column `extra` to t_0000: the "one small change" workload.
Schema synthetic_schema(Dialect dialect, int tables, bool extra_column = false);

/// The same schema as a drizzle-orm TypeScript schema file (drizzle-orm/pg-core or sqlite-core),
/// so drizzle-kit generates the same SQL from it as we do from synthetic_schema().
std::string synthetic_schema_typescript(Dialect dialect, int tables, bool extra_column = false);

}  // namespace drizzle::bench
