// SQL for columns moving between serial, identity and plain integer, without colliding with existing rows.
#pragma once

#include "drizzle/schema/model.hpp"

#include <string>

namespace drizzle::pg::serials {

/// True for serial, smallserial and bigserial (a sequence-backed default, not a type).
bool is_serial(const std::string& type);

/// The integer type a serial stands for ("bigserial" -> "bigint"); any other type unchanged.
std::string storage_type(const std::string& type);

/// The options PostgreSQL gives an identity of `type` where `options` leaves them unset.
SequenceOptions effective_identity_options(SequenceOptions options, const std::string& type);

/// A DO block dropping the sequence a serial column owns. Its name is looked up with
/// pg_get_serial_sequence() because no schema records it (a table rename keeps the old name).
/// The column's default must be dropped first.
std::string drop_owned_sequence(const std::string& schema, const std::string& table, const std::string& column);

/// A DO block changing the type of the sequence a serial column owns (serial -> bigserial).
std::string retype_owned_sequence(const std::string& schema, const std::string& table, const std::string& column,
                                  const std::string& type);

/// CREATE SEQUENCE <table>_<column>_seq AS <type> OWNED BY the column, as PostgreSQL does for serial.
std::string create_owned_sequence(const std::string& schema, const std::string& table, const std::string& column,
                                  const std::string& type);

/// The serial default: nextval of the sequence create_owned_sequence() made.
std::string serial_default(const std::string& schema, const std::string& table, const std::string& column);

/// SELECT setval(...) so the next value of the column's sequence (serial or identity) is past
/// every row: above the largest value (below the smallest for a descending sequence), or the
/// sequence's start when the table is empty or its rows lie on the other side of it.
std::string restart_past_rows(const std::string& schema, const std::string& table, const std::string& column,
                              const SequenceOptions& effective_options);

}  // namespace drizzle::pg::serials
