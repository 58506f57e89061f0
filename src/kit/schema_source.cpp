// Loads the desired schema from C++ headers, drizzle-kit snapshots or SQL files, and merges them.
#include "util/files.hpp"
#include "drizzle/kit/schema_source.hpp"

#include "drizzle/dialect/dialect_ops.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/error.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <tuple>
#include <utility>

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

bool is_header(const fs::path& path) {
    static const std::set<std::string> extensions = {".h", ".hh", ".hpp", ".hxx", ".h++", ".ipp"};
    return extensions.count(path.extension().string()) > 0;
}

// Every line of a .sql source holding bytes that are not UTF-8, as `file:line:column` diagnostics:
// read further, they would reach the snapshot (JSON, UTF-8) as U+FFFD or fail in a JSON writer.
void require_utf8(const std::string& text, const fs::path& path) {
    std::vector<Diagnostic> problems;
    std::size_t line_start = 0;
    int line = 1;
    for (std::size_t offset = 0; offset < text.size();) {
        const std::size_t bad = detail::invalid_utf8_offset(std::string_view(text).substr(offset));
        if (bad == std::string_view::npos) break;
        const std::size_t at = offset + bad;
        for (std::size_t i = line_start; i < at; ++i) {
            if (text[i] == '\n') {
                ++line;
                line_start = i + 1;
            }
        }
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(text[at])));
        problems.push_back({path.string() + ":" + std::to_string(line) + ":" + std::to_string(at - line_start + 1),
                            std::string("invalid UTF-8 (byte ") + byte +
                                "); schema files must be UTF-8: re-save the file as UTF-8 (for example "
                                "iconv -f latin1 -t utf-8)"});
        // One report per line is enough; go on with the next line.
        const std::size_t next_line = text.find('\n', at);
        if (next_line == std::string::npos || problems.size() >= 20) break;
        offset = next_line;
    }
    if (!problems.empty()) throw DiagnosticsError(std::move(problems));
}

Schema load_sql(const fs::path& path, Dialect dialect) {
    const std::string text = detail::read_file_bytes(path);
    require_utf8(text, path);
    return dialect_ops(dialect).schema_from_sql(text, path.string());
}

// A snapshot file records the names its constraints have in the database, derived or not: they
// are the schema's names, so nothing re-derives them or swaps them for another schema's.
void keep_recorded_names(Schema& schema, SnapshotFormat format) {
    for (auto& table : schema.tables) {
        for (auto& fk : table.foreign_keys) fk.name_explicit = fk.name_explicit || !fk.name.empty();
        for (auto& pk : table.primary_keys) pk.name_explicit = pk.name_explicit || !pk.name.empty();
        for (auto& unique : table.uniques) unique.name_explicit = unique.name_explicit || !unique.name.empty();
        for (auto& column : table.columns) {
            // A v1 snapshot records every key's name, the default one (`<table>_pkey`) too: a
            // database key under another name is renamed to it. A 0.31 `primaryKey: true` records
            // none, and the database's name stands (PostgreSQL keeps `<old>_pkey` through a rename).
            if (column.primary_key && (format == SnapshotFormat::v1 || !column.primary_key_name.empty())) {
                column.primary_key_name_explicit = true;
            }
        }
    }
}

// A .sql file means what it says: policies on a table without ENABLE ROW LEVEL SECURITY stay
// inert (drizzle's own sources enable RLS for them). Worth a warning, not a change.
void warn_inert_policies(const Schema& schema, const fs::path& path, const std::function<void(const std::string&)>& log) {
    for (const auto& table : schema.tables) {
        if (table.rls_enabled || table.policies.empty()) continue;
        const std::string name = (table.schema.empty() ? "" : table.schema + ".") + table.name;
        const std::string message = "warning: " + path.string() + ": table \"" + name + "\" has " + std::to_string(table.policies.size()) +
            " polic" + (table.policies.size() == 1 ? "y" : "ies") +
            " but row-level security is not enabled, so they have no effect; add ALTER TABLE ... ENABLE ROW "
            "LEVEL SECURITY to apply them";
        // export keeps stdout for SQL and passes no log: the warning goes to stderr then.
        if (log) {
            log(message);
        } else {
            std::cerr << message << std::endl;
        }
    }
}

void merge_into(Schema& target, Schema source, const fs::path& origin, Dialect dialect) {
    if (!source.tables.empty() && source.dialect != dialect) {
        throw UserError(origin.string() + ": declares a " + std::string(to_string(source.dialect)) +
                        " schema, but the config's dialect is " + std::string(to_string(dialect)));
    }
    for (auto& table : source.tables) target.tables.push_back(std::move(table));
    for (auto& view : source.views) target.views.push_back(std::move(view));
    for (auto& name : source.schemas) {
        if (std::find(target.schemas.begin(), target.schemas.end(), name) == target.schemas.end()) {
            target.schemas.push_back(std::move(name));
        }
    }
    for (auto& type : source.enums) target.enums.push_back(std::move(type));
    for (auto& sequence : source.sequences) target.sequences.push_back(std::move(sequence));
    for (auto& role : source.roles) target.roles.push_back(std::move(role));
    for (auto& policy : source.policies) target.policies.push_back(std::move(policy));
}

}  // namespace

Schema load_schema(const Config& config, const ExporterToolchain& toolchain,
                   const std::function<void(const std::string&)>& log, NamingStyle header_naming) {
    if (!config.dialect) throw UserError("no dialect: set \"dialect\" in the config or pass --dialect");
    const Dialect dialect = *config.dialect;
    if (config.schema.empty()) {
        throw UserError("no schema: set \"schema\" in the config or pass --schema (C++ headers, .sql or snapshot .json)" +
                        config.unset_env_hint("schema"));
    }
    Schema schema;
    schema.dialect = dialect;
    std::vector<fs::path> headers;
    // Every file is read even after one fails, so one run reports the problems of all of them.
    std::vector<Diagnostic> problems;
    for (const auto& path : config.schema_paths()) {
        try {
            if (is_header(path)) {
                headers.push_back(path);
            } else if (path.extension() == ".json") {
                Snapshot snapshot = parse_snapshot(detail::read_file_bytes(path), path.string());
                Schema recorded = std::move(snapshot.schema);
                if (dialect_facts(dialect).constraints_addressed_by_name()) keep_recorded_names(recorded, snapshot.format);
                merge_into(schema, std::move(recorded), path, dialect);
            } else if (path.extension() == ".sql") {
                Schema loaded = load_sql(path, dialect);
                warn_inert_policies(loaded, path, log);
                merge_into(schema, std::move(loaded), path, dialect);
            } else {
                throw UserError(path.string() + ": unknown schema source; use C++ headers (.hpp/.h), .sql or a "
                                                "drizzle-kit snapshot (.json)");
            }
        } catch (const DiagnosticsError& e) {
            problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
        } catch (const UserError& e) {
            problems.push_back({"", e.what()});
        }
    }
    if (!problems.empty()) throw DiagnosticsError(std::move(problems));
    if (!headers.empty()) {
        std::string json = export_cpp_schema(headers, toolchain, log);
        Schema exported = parse_snapshot(json, "schema exporter output").schema;
        // The exporter writes drizzle-kit 1.0's derived names; the folder may use another convention.
        assign_default_names(exported, header_naming, /*rederive=*/true);
        merge_into(schema, std::move(exported), headers.front(), dialect);
    }
    std::sort(schema.tables.begin(), schema.tables.end(), [](const Table& a, const Table& b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
    std::sort(schema.views.begin(), schema.views.end(), [](const View& a, const View& b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
    return schema;
}

}  // namespace drizzle::kit
