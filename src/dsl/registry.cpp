// The process-wide registry of DSL declarations and the exporter entry point.
#include "drizzle/dsl/registry.hpp"

#include "drizzle/error.hpp"
#include "drizzle/schema/validate.hpp"
#include "drizzle/snapshot/snapshot.hpp"
#include "dsl/reader/header_reader.hpp"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace drizzle::dsl {

namespace {
struct Registry {
    std::set<Dialect> dialects;
    std::set<Dialect> included;        // DSL headers seen, for a schema that declares nothing
    std::map<Dialect, Schema> schemas; // one per dialect: a test binary may declare both
    std::vector<std::string> conflicts;
    std::deque<std::string> names; // interned: a deque never moves what it holds

    Schema& of(Dialect dialect) {
        dialects.insert(dialect);
        Schema& schema = schemas[dialect];
        schema.dialect = dialect;
        return schema;
    }
};

// A function-local static: tables register during static initialisation, whose order across
// translation units is unspecified, so the registry must exist before the first of them.
Registry& registry() {
    static Registry instance;
    return instance;
}
} // namespace

void register_table(Dialect dialect, Table table) {
    auto& reg = registry();
    Schema& schema = reg.of(dialect);
    if (const Table* existing = schema.find_table(table.name, table.schema)) {
        if (!(*existing == table))
            reg.conflicts.push_back("table \"" + table.name + "\" is declared twice, differently");
        return;
    }
    schema.tables.push_back(std::move(table));
}

void register_view(Dialect dialect, View view) {
    auto& reg = registry();
    Schema& schema = reg.of(dialect);
    if (const View* existing = schema.find_view(view.name, view.schema)) {
        if (!(*existing == view)) reg.conflicts.push_back("view \"" + view.name + "\" is declared twice, differently");
        return;
    }
    schema.views.push_back(std::move(view));
}

namespace {
template <class T, class Same> void add_unique(std::vector<T>& items, T item, Same same, const std::string& what) {
    for (const auto& existing : items) {
        if (same(existing, item)) {
            if (!(existing == item)) registry().conflicts.push_back(what + " is declared twice, differently");
            return;
        }
    }
    items.push_back(std::move(item));
}
} // namespace

void register_schema(Dialect dialect, const std::string& name) {
    auto& schemas = registry().of(dialect).schemas;
    if (std::find(schemas.begin(), schemas.end(), name) == schemas.end()) schemas.push_back(name);
}

void register_enum(Dialect dialect, Enum type) {
    const std::string what = "enum \"" + type.name + "\"";
    add_unique(
        registry().of(dialect).enums, std::move(type),
        [](const Enum& a, const Enum& b) { return a.schema == b.schema && a.name == b.name; }, what);
}

void register_sequence(Dialect dialect, Sequence sequence) {
    const std::string what = "sequence \"" + sequence.name + "\"";
    add_unique(
        registry().of(dialect).sequences, std::move(sequence),
        [](const Sequence& a, const Sequence& b) { return a.schema == b.schema && a.name == b.name; }, what);
}

void register_role(Dialect dialect, Role role) {
    const std::string what = "role \"" + role.name + "\"";
    add_unique(
        registry().of(dialect).roles, std::move(role), [](const Role& a, const Role& b) { return a.name == b.name; },
        what);
}

void enable_rls(Dialect dialect, const std::string& schema, const std::string& table) {
    for (auto& t : registry().of(dialect).tables) {
        if (t.schema == schema && t.name == table) t.rls_enabled = true;
    }
}

Text intern(std::string text) {
    const std::string& kept = registry().names.emplace_back(std::move(text));
    return Text(kept.c_str());
}

void note_dialect(Dialect dialect) {
    registry().included.insert(dialect);
}

Schema registered_schema() {
    const auto& reg = registry();
    if (reg.dialects.size() > 1) throw UserError("the schema declares tables of more than one dialect");
    if (!reg.dialects.empty()) return registered_schema(*reg.dialects.begin());
    // Nothing declared: the dialect whose DSL header was included, else a schema's default dialect.
    return registered_schema(reg.included.size() == 1 ? *reg.included.begin() : Dialect());
}

Schema registered_schema(Dialect dialect) {
    auto& reg = registry();
    if (!reg.conflicts.empty()) {
        std::vector<Diagnostic> diagnostics;
        for (const auto& conflict : reg.conflicts)
            diagnostics.push_back({"", conflict});
        throw DiagnosticsError(std::move(diagnostics));
    }
    Schema schema = reg.of(dialect);
    // drizzle-kit orders tables by name; declaration order across headers is not meaningful.
    std::sort(schema.tables.begin(), schema.tables.end(),
              [](const Table& a, const Table& b) { return std::tie(a.schema, a.name) < std::tie(b.schema, b.name); });
    std::sort(schema.views.begin(), schema.views.end(),
              [](const View& a, const View& b) { return std::tie(a.schema, a.name) < std::tie(b.schema, b.name); });
    std::sort(schema.enums.begin(), schema.enums.end(),
              [](const Enum& a, const Enum& b) { return std::tie(a.schema, a.name) < std::tie(b.schema, b.name); });
    std::sort(schema.sequences.begin(), schema.sequences.end(), [](const Sequence& a, const Sequence& b) {
        return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
    });
    std::sort(schema.schemas.begin(), schema.schemas.end());
    return schema;
}

int run_exporter(std::ostream& out, std::ostream& err) {
    try {
        Schema schema = registered_schema();
        auto diagnostics = validate_schema(schema);
        if (!diagnostics.empty()) {
            for (const auto& d : diagnostics)
                err << "error: " << d.where << ": " << d.message << '\n';
            return 3;
        }
        Snapshot snapshot;
        snapshot.format = SnapshotFormat::v1;
        snapshot.prev_ids = {std::string(kRootSnapshotId)};
        snapshot.schema = std::move(schema);
        out << write_snapshot(snapshot);
        return 0;
    } catch (const std::exception& e) {
        err << "error: " << e.what() << '\n';
        return 3;
    }
}

bool read_headers(const std::vector<std::filesystem::path>& headers, std::ostream& err) {
    try {
        reader::read_schema_headers(headers);
        return true;
    } catch (const reader::Unsupported& e) {
        err << e.what() << '\n';
        return false;
    } catch (const std::exception& e) {
        err << "the header reader stopped: " << e.what() << '\n';
        return false;
    }
}

int exporter_main(int argc, char** argv) {
    if (argc < 2) return run_exporter(std::cout, std::cerr);
    std::ostringstream buffer;
    int code = run_exporter(buffer, std::cerr);
    if (code != 0) return code;
    // Written beside the target and renamed, so a build never sees half a snapshot.
    const std::string target = argv[1];
    const std::string temp = target + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary);
        out << buffer.str();
        if (!out) {
            std::cerr << "error: cannot write " << temp << '\n';
            return 1;
        }
    }
    if (std::rename(temp.c_str(), target.c_str()) != 0) {
        std::cerr << "error: cannot rename " << temp << " to " << target << '\n';
        return 1;
    }
    return 0;
}

} // namespace drizzle::dsl
