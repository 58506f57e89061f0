// What a push would do to the data already in the database, counted before anything runs.
#pragma once

#include "drizzle/diff/operations.hpp"
#include "drizzle/driver/connection.hpp"

#include <cstdint>
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
    /// One line for the terminal: `drop column "users"."age": 3 rows with a value`.
    std::string describe() const;
};

/// Counts the rows each operation of `operations` (diff output, before lowering) would lose or
/// trip over, in the live database behind `connection`, whose schema is `live`. Only risks that
/// touch at least one row are returned. One COUNT query per risky operation. Call it inside a
/// transaction: each query runs under a savepoint, so one that fails (it names a value or column
/// the push has yet to create) is skipped without aborting the transaction.
std::vector<DataRisk> assess_data_risks(const std::vector<Operation>& operations, const Schema& live,
                                        Connection& connection);

/// The risks as a JSON array, for runs without a terminal.
std::string risks_to_json(const std::vector<DataRisk>& risks);

}  // namespace drizzle::kit
