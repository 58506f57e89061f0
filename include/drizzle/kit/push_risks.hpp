// What a push would do to the data already in the database, counted before anything runs.
#pragma once

#include "drizzle/diff/operations.hpp"
#include "drizzle/driver/connection.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace drizzle::kit {

/// One way a push touches existing rows.
struct DataRisk {
    enum class Kind {
        loses_data,  ///< runs, but rows or values are gone afterwards (drop table/column, narrowing)
        will_fail,   ///< the database will refuse the statement (NULLs under a new NOT NULL, duplicates
                     ///< under a new unique key, rows violating a new check or foreign key)
    };
    Kind kind = Kind::loses_data;
    std::string object;   ///< e.g. `"users"."age"`
    std::string problem;  ///< e.g. "drop column", "set NOT NULL on"
    std::int64_t rows = 0;
    std::string detail;   ///< which rows were counted, e.g. "with a value" ("" = every row)
    std::size_t operation = 0; ///< index into the operations assessed (the lint maps counts back by it)
    /// One line for the terminal: `drop column "users"."age": 3 rows with a value`.
    std::string describe() const;
};

/// Counts the rows each operation of `operations` (diff output, before lowering) would lose or
/// trip over, in the live database behind `connection`, whose schema is `live`. Only risks that
/// touch at least one row are returned. One COUNT query per risky operation. Call it inside a
/// transaction: each query runs under a savepoint, so one that fails (it names a value or column
/// the push has yet to create) is skipped without aborting the transaction.
/// With `keep_zero_counts`, risks counting no row are returned too (the lint reports exact counts).
std::vector<DataRisk> assess_data_risks(const std::vector<Operation>& operations, const Schema& live,
                                        Connection& connection, bool keep_zero_counts = false);

/// The rows of `schema`.`table` in `connection` (the dialect's quoting), under a savepoint like the
/// risk counts; std::nullopt when the query fails (no such table).
std::optional<std::int64_t> count_table_rows(Connection& connection, const std::string& schema,
                                             const std::string& table);

/// The risks as a JSON array, for runs without a terminal.
std::string risks_to_json(const std::vector<DataRisk>& risks);

}  // namespace drizzle::kit
