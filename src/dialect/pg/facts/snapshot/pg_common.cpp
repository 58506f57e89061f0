// Helpers shared by the 0.31 and 1.0 PostgreSQL snapshot readers and writers.
#include "dialect/pg/facts/snapshot/pg_common.hpp"

#include "drizzle/schema/naming.hpp"
#include "drizzle/schema/pg_literals.hpp"
#include "schema/naming_parts.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <regex>

namespace drizzle::snapshot_detail {

namespace {

using naming_parts::joined;

// JavaScript parseFloat(text) < 0: only the sign of a leading number matters here.
bool is_negative(const std::string& text) { return std::strtod(text.c_str(), nullptr) < 0; }

}  // namespace

std::string pg_schema_name(const std::string& schema) { return schema.empty() ? "public" : schema; }

std::string pg_model_schema(const std::string& schema) { return schema == "public" ? "" : schema; }

std::string pg_v1_type(const std::string& type) {
    std::string out = type;
    if (auto pos = out.find(", "); pos != std::string::npos) out.erase(pos + 1, 1);
    if (out.rfind("timestamp (", 0) == 0) out.erase(9, 1);
    return out;
}

std::string pg_up_type(const std::string& type) {
    if (type.rfind("numeric(", 0) != 0) return type;
    std::string out = type;
    if (auto pos = out.find(", "); pos != std::string::npos) out.erase(pos + 1, 1);
    return out;
}

std::string pg_model_type_from_v1(const std::string& type) {
    if (type.rfind("numeric(", 0) != 0) return type;
    auto comma = type.find(',');
    if (comma == std::string::npos || (comma + 1 < type.size() && type[comma + 1] == ' ')) return type;
    return type.substr(0, comma + 1) + " " + type.substr(comma + 1);
}

std::pair<std::string, int> pg_split_array_type(const std::string& type) {
    std::string base;
    int dimensions = 0;
    for (std::size_t i = 0; i < type.size(); ++i) {
        if (type[i] == '[') {
            auto close = type.find(']', i + 1);
            if (close != std::string::npos) {
                ++dimensions;
                i = close;
                continue;
            }
        }
        base += type[i];
    }
    return {base, dimensions};
}

std::string pg_trim_default_suffix(const std::string& value) {
    static const std::regex kCasts(R"((::["\w.\s]+(?:\([^)]*\))?(?:\swith(?:out)?\stime\szone)?(?:\[\])?)+$)",
                                   std::regex::ECMAScript | std::regex::icase);
    std::string out = value;
    if (out.size() >= 2 && out.compare(out.size() - 2, 2, "[]") == 0) out.resize(out.size() - 2);
    return std::regex_replace(out, kCasts, "");
}

namespace {

bool is_text_type(const std::string& type) {
    return type == "text" || type.rfind("varchar", 0) == 0 || type.rfind("char", 0) == 0 ||
           type.rfind("character", 0) == 0;
}

}  // namespace

std::string pg_repair_legacy_default(const std::string& value, const std::string& type, int dimensions) {
    auto literal = pg_split_literal(value);
    if (!literal || pg_literal_well_quoted(literal->body)) return value;
    const std::string& body = literal->body;
    // Only where 0.31 printed a value itself (json, arrays, strings); an SQL expression such as
    // 'a' || 'b' that merely starts and ends with a quote is left alone.
    bool built_from_value = false;
    if (dimensions > 0) {
        built_from_value = !body.empty() && body.front() == '{' && body.back() == '}';
    } else if (type == "json" || type == "jsonb") {
        built_from_value = Json::accept(body);
    } else if (is_text_type(type)) {
        static const std::regex kExpression(R"('\s*(\|\||::|,|\))|(\|\||\(|,)\s*')");
        built_from_value = !std::regex_search(body, kExpression);
    }
    if (!built_from_value) return value;
    std::string text = body;  // nothing was escaped: the body is the value
    if (dimensions > 0) text = pg_canonical_array_literal(text, type == "boolean").value_or(text);
    return detail::quote_sql_string(text) + literal->casts;
}

void pg_resolve_enum_type_schemas(Schema& schema) {
    auto resolve = [&](Column& column) {
        if (!column.type_schema.empty()) return;
        const Enum* found = nullptr;
        int matches = 0;
        for (const auto& type : schema.enums) {
            if (type.name != column.type) continue;
            if (type.schema.empty()) {  // drizzle-kit's rule: no typeSchema means public
                found = &type;
                matches = 1;
                break;
            }
            found = &type;
            ++matches;
        }
        if (found != nullptr && matches == 1) column.type_schema = pg_schema_name(found->schema);
    };
    for (auto& table : schema.tables) {
        for (auto& column : table.columns) resolve(column);
    }
    for (auto& view : schema.views) {
        for (auto& column : view.columns) resolve(column);
    }
}

SequenceOptions pg_sequence_options_filled(const SequenceOptions& options) {
    SequenceOptions out = options;
    const std::string increment = options.increment.value_or("1");
    const bool descending = is_negative(increment);
    out.increment = increment;
    if (!out.min_value) out.min_value = descending ? "-9223372036854775808" : "1";
    if (!out.max_value) out.max_value = descending ? "-1" : "9223372036854775807";
    if (!out.start_with) out.start_with = descending ? *out.max_value : *out.min_value;
    if (!out.cache) out.cache = "1";
    return out;
}

SequenceOptions pg_identity_options_filled(const SequenceOptions& options, const std::string& column_type) {
    SequenceOptions out = options;
    const std::string increment = options.increment.value_or("1");
    const bool descending = is_negative(increment);
    const std::string max_range = column_type == "integer"  ? "2147483647"
                                  : column_type == "bigint" ? "9223372036854775807"
                                                            : "32767";
    out.increment = increment;
    if (!out.min_value) out.min_value = descending ? "-32768" : "1";
    if (!out.max_value) out.max_value = descending ? "-1" : max_range;
    if (!out.start_with) out.start_with = descending ? *out.max_value : *out.min_value;
    if (!out.cache) out.cache = "1";
    return out;
}

std::string pg_identity_sequence_name(const std::string& table, const std::string& column) {
    return table + "_" + column + "_seq";
}

std::string pg_default_index_name(const std::string& table, const std::vector<IndexColumn>& columns) {
    std::vector<std::string> names;
    for (const auto& column : columns) names.push_back(column.expression);
    return table + "_" + joined(names) + "_index";
}

std::string pg_v1_default_foreign_key_name(const std::string& table, const ForeignKey& fk) {
    return default_foreign_key_name(NamingStyle::v1, Dialect::postgresql, table, fk);
}

std::string pg_legacy_foreign_key_name(const std::string& table, const ForeignKey& fk) {
    return default_foreign_key_name(NamingStyle::legacy, Dialect::postgresql, table, fk);
}

std::string pg_legacy_primary_key_name(const std::string& table, const PrimaryKey& pk) {
    return default_primary_key_name(NamingStyle::legacy, Dialect::postgresql, table, pk.columns);
}

std::string pg_legacy_unique_name(const std::string& table, const UniqueConstraint& unique) {
    return default_unique_name(NamingStyle::legacy, Dialect::postgresql, table, unique.columns);
}

std::string pg_legacy_written_name(const Table& table, const ForeignKey& fk) {
    return fk.name_explicit && !fk.name.empty() ? fk.name : pg_legacy_foreign_key_name(table.name, fk);
}

std::string pg_legacy_written_name(const Table& table, const PrimaryKey& pk) {
    return pk.name_explicit && !pk.name.empty() ? pk.name : pg_legacy_primary_key_name(table.name, pk);
}

std::string pg_legacy_written_name(const Table& table, const UniqueConstraint& unique) {
    return unique.name_explicit && !unique.name.empty() ? unique.name
                                                        : pg_legacy_unique_name(table.name, unique);
}

std::string pg_written_index_name(const Table& table, const Index& index) {
    return index.name.empty() ? pg_default_index_name(table.name, index.columns) : index.name;
}

std::string pg_nulls_or_default(const IndexColumn& column) {
    if (!column.nulls.empty()) return column.nulls;
    return column.asc ? "last" : "first";
}

std::vector<const UniqueConstraint*> pg_legacy_unique_order(const Table& table) {
    std::vector<const UniqueConstraint*> out;
    for (bool column_level : {true, false}) {
        for (const auto& unique : table.uniques) {
            if (unique.column_level == column_level) out.push_back(&unique);
        }
    }
    return out;
}

std::vector<const Policy*> pg_legacy_policy_order(const Table& table) {
    std::vector<const Policy*> out;
    for (bool linked : {false, true}) {
        for (const auto& policy : table.policies) {
            if (policy.linked == linked) out.push_back(&policy);
        }
    }
    return out;
}

std::string pg_upper(const std::string& text) {
    std::string out = text;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
    return out;
}

std::string pg_lower(const std::string& text) {
    std::string out = text;
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

std::vector<std::string> pg_sorted_roles(std::vector<std::string> roles) {
    // Array#sort without a comparator compares UTF-16 code units; byte order agrees for ASCII.
    std::sort(roles.begin(), roles.end());
    return roles;
}

const std::vector<std::pair<const char*, PgOptionKind>>& pg_v1_view_options() {
    using K = PgOptionKind;
    static const std::vector<std::pair<const char*, PgOptionKind>> kOptions = {
        {"checkOption", K::string},
        {"securityBarrier", K::boolean},
        {"securityInvoker", K::boolean},
        {"autovacuumEnabled", K::boolean},
        {"autovacuumFreezeMaxAge", K::number},
        {"autovacuumFreezeMinAge", K::number},
        {"autovacuumFreezeTableAge", K::number},
        {"autovacuumMultixactFreezeMaxAge", K::number},
        {"autovacuumMultixactFreezeMinAge", K::number},
        {"autovacuumMultixactFreezeTableAge", K::number},
        {"autovacuumVacuumCostDelay", K::number},
        {"autovacuumVacuumCostLimit", K::number},
        {"autovacuumVacuumScaleFactor", K::number},
        {"autovacuumVacuumThreshold", K::number},
        {"fillfactor", K::number},
        {"logAutovacuumMinDuration", K::number},
        {"parallelWorkers", K::number},
        {"toastTupleTarget", K::number},
        {"userCatalogTable", K::boolean},
        {"vacuumIndexCleanup", K::string},
        {"vacuumTruncate", K::boolean},
    };
    return kOptions;
}

const std::vector<std::pair<const char*, PgOptionKind>>& pg_legacy_view_options() {
    using K = PgOptionKind;
    static const std::vector<std::pair<const char*, PgOptionKind>> kOptions = {
        {"checkOption", K::string},
        {"securityBarrier", K::boolean},
        {"securityInvoker", K::boolean},
        {"fillfactor", K::number},
        {"toastTupleTarget", K::number},
        {"parallelWorkers", K::number},
        {"autovacuumEnabled", K::boolean},
        {"vacuumIndexCleanup", K::string},
        {"vacuumTruncate", K::boolean},
        {"autovacuumVacuumThreshold", K::number},
        {"autovacuumVacuumScaleFactor", K::number},
        {"autovacuumVacuumCostDelay", K::number},
        {"autovacuumVacuumCostLimit", K::number},
        {"autovacuumFreezeMinAge", K::number},
        {"autovacuumFreezeMaxAge", K::number},
        {"autovacuumFreezeTableAge", K::number},
        {"autovacuumMultixactFreezeMinAge", K::number},
        {"autovacuumMultixactFreezeMaxAge", K::number},
        {"autovacuumMultixactFreezeTableAge", K::number},
        {"logAutovacuumMinDuration", K::number},
        {"userCatalogTable", K::boolean},
    };
    return kOptions;
}

std::optional<PgOptionKind> pg_view_option_kind(const std::string& key) {
    for (const auto& [name, kind] : pg_v1_view_options()) {
        if (key == name) return kind;
    }
    return std::nullopt;
}

std::string pg_option_text(const JsonNode& value) {
    if (auto text = value.string_value()) return std::string(*text);
    if (auto flag = value.boolean_value()) return *flag ? "true" : "false";
    if (auto number = value.number_text()) return *number;
    value.fail("must be a string, number or boolean");
}

Json pg_option_json(const std::string& text, std::optional<PgOptionKind> kind) {
    if (!kind) {
        if (text == "true" || text == "false") return text == "true";
        if (auto number = json_number_from_text(text)) return *number;
        return text;
    }
    switch (*kind) {
    case PgOptionKind::boolean: return text == "true";
    case PgOptionKind::number:
        if (auto number = json_number_from_text(text)) return *number;
        return nullptr;  // what JSON.stringify writes for NaN
    case PgOptionKind::string: break;
    }
    return text;
}

std::optional<std::vector<std::pair<std::string, std::string>>> pg_parse_index_with(const std::string& text) {
    std::vector<std::pair<std::string, std::string>> out;
    if (text.empty()) return out;
    std::string::size_type start = 0;
    while (true) {
        auto comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty() && part.front() == ' ') part.erase(0, 1);
        auto equals = part.find('=');
        if (equals == std::string::npos) return std::nullopt;
        out.emplace_back(part.substr(0, equals), part.substr(equals + 1));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::string pg_index_with_text(const std::vector<std::pair<std::string, std::string>>& with,
                               const std::string& separator) {
    std::string out;
    for (const auto& [key, value] : with) {
        if (!out.empty()) out += separator;
        out += key + "=" + value;
    }
    return out;
}

}  // namespace drizzle::snapshot_detail
