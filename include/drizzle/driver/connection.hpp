// The driver interface: one database connection, whatever the engine.
#pragma once

#include "drizzle/schema/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace drizzle {

/// A bound parameter or a result cell.
using SqlValue = std::variant<std::nullptr_t, std::int64_t, double, std::string>;

/// One result row; cells in select-list order, NULL as std::nullopt, everything else as text.
using Row = std::vector<std::optional<std::string>>;

/// A live connection. Implementations: drizzle::sqlite::SqliteConnection (and later PostgreSQL).
class Connection {
public:
    virtual ~Connection() = default;

    virtual Dialect dialect() const = 0;

    /// Runs one or more statements with no result. Throws DbError naming the statement.
    virtual void exec(std::string_view sql) = 0;

    /// Runs one statement with positional parameters (`?` on SQLite, `$1` on PostgreSQL).
    virtual std::vector<Row> query(std::string_view sql, const std::vector<SqlValue>& params = {}) = 0;

    /// A short, password-free description for messages ("sqlite file ./local.db").
    virtual std::string describe() const = 0;
};

}  // namespace drizzle
