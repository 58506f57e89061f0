// Down migrations: the reverse diff of a migration, its irreversibility notes and its checksum.
#include "drizzle/kit/down_sql.hpp"

#include "drizzle/dialect/registry.hpp"
#include "drizzle/diff/diff.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/migrate/migrator.hpp"
#include "kit/object_names.hpp"

#include <algorithm>
#include <map>
#include <sstream>

namespace drizzle::kit {

namespace {

constexpr std::string_view kChecksumPrefix = "-- drizzle:down sha256=";

using object_names::object_name;
using object_names::quoted_name;

/// What the up operations destroy that the down can only recreate empty.
std::vector<std::string> irreversible_parts(const std::vector<Operation>& up, const DialectFacts& facts) {
    std::vector<std::string> out;
    for (const auto& operation : up) {
        if (const auto* o = std::get_if<op::DropTable>(&operation)) {
            out.push_back("table " + object_name(o->table.schema, o->table.name) + " is recreated empty");
        } else if (const auto* o = std::get_if<op::DropColumn>(&operation)) {
            out.push_back("column " + object_name(o->schema, o->table) + "." + quoted_name(o->column.name) +
                          " is recreated without its values");
        } else if (const auto* o = std::get_if<op::DropSchema>(&operation)) {
            out.push_back("schema " + quoted_name(o->name) + " is recreated empty");
        } else if (const auto* o = std::get_if<op::RecreateEnum>(&operation)) {
            std::vector<std::string> gone;
            for (const auto& v : o->from.values) {
                if (std::find(o->to.values.begin(), o->to.values.end(), v) == o->to.values.end()) gone.push_back(v);
            }
            if (!gone.empty() && !o->columns.empty()) {
                out.push_back("enum " + object_name(o->from.schema, o->from.name) +
                              " gets its removed values back, but rows that held them were changed by the up "
                              "migration");
            }
        } else if (const auto* o = std::get_if<op::AlterColumn>(&operation)) {
            // A widening (integer -> bigint, varchar(10) -> varchar(20)) changes no value: the
            // down's cast back gives the same ones.
            if (o->from.type != o->to.type && !facts.type_change_keeps_values(o->from, o->to)) {
                out.push_back("column " + object_name(o->schema, o->table) + "." + quoted_name(o->to.name) +
                              " goes back from " + o->to.type + " to " + o->from.type +
                              "; values the up cast changed stay changed");
            }
            // SQLite's rebuild copies a NULL through the new default: the down cannot tell which
            // rows held NULL.
            if (!o->from.not_null && o->to.not_null && o->to.default_value &&
                facts.not_null_change_fills_nulls_from_default()) {
                out.push_back("column " + object_name(o->schema, o->table) + "." + quoted_name(o->to.name) +
                              " keeps the default the up migration put in place of its NULLs");
            }
        }
    }
    return out;
}

} // namespace

std::vector<RenameDecision> reverse_decisions(const std::vector<RenameDecision>& up) {
    using Kind = RenameQuestion::Kind;
    // The reverse diff asks about a column under its table's name in its own target: the name the
    // table had before the up migration renamed it.
    std::map<std::pair<std::string, std::string>, std::string> old_table_name;
    for (const auto& d : up) {
        if (d.is_rename() && d.kind == Kind::table) old_table_name[{d.schema, d.name}] = d.from;
    }
    std::vector<RenameDecision> out;
    for (const auto& d : up) {
        if (!d.is_rename()) continue;
        RenameDecision r = d;
        r.name = d.from;
        r.from = d.name;
        if (d.kind == Kind::column) {
            if (auto it = old_table_name.find({d.schema, d.table}); it != old_table_name.end()) r.table = it->second;
        }
        out.push_back(std::move(r));
    }
    return out;
}

DownMigration plan_down(const Schema& prev, const Schema& next, NamingStyle naming,
                        const std::vector<RenameDecision>& up, bool breakpoints,
                        const std::vector<Operation>* up_operations) {
    DownMigration down;
    if (up_operations != nullptr) {
        down.irreversible = irreversible_parts(*up_operations, dialect_facts(prev.dialect));
    } else {
        ScriptedResolver replay(up);
        down.irreversible =
            irreversible_parts(drizzle::diff(prev, next, replay, naming).operations, dialect_facts(prev.dialect));
    }
    // Questions without a reversed rename get "create": what the up migration created beside a
    // vanished object is dropped again, not renamed.
    ScriptedResolver resolver(reverse_decisions(up));
    // No keep_names_through_renames here: the down must give back prev's constraint names, and
    // next already carries whatever names the up kept (generate adopts them into its snapshot);
    // adopting next's names into prev would leave the database with the up's names instead.
    const DiffResult diff = drizzle::diff(next, prev, resolver, naming);
    bool no_transaction = false;
    const auto statements = dialect_statements(prev.dialect, diff, no_transaction);
    down.statements = statements.size();

    std::string body;
    for (const auto& part : down.irreversible)
        body += "-- irreversible: " + part + "\n";
    if (statements.empty()) body += "-- nothing to undo: the up migration changes no schema\n";
    body += join_statements(statements, breakpoints);
    const std::string txmode = no_transaction ? "-- drizzle:txmode none\n" : "";
    down.sql = txmode + down_checksum_line(txmode + body) + "\n" + body;
    return down;
}

std::string down_checksum_line(std::string_view body) {
    return std::string(kChecksumPrefix) + sha256_hex(std::string(body));
}

DownIntegrity down_integrity(std::string_view text) {
    // The checksum line is among the leading comment lines; the hash covers the file without it.
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t end = text.find('\n', pos);
        const std::string_view line = text.substr(pos, end == std::string_view::npos ? text.size() - pos : end - pos);
        if (line.starts_with(kChecksumPrefix)) {
            const std::string_view hash = line.substr(kChecksumPrefix.size());
            std::string rest(text.substr(0, pos));
            if (end != std::string_view::npos) rest += text.substr(end + 1);
            return sha256_hex(rest) == hash ? DownIntegrity::generated : DownIntegrity::edited;
        }
        if (!line.starts_with("--") || end == std::string_view::npos) break;
        pos = end + 1;
    }
    return DownIntegrity::hand_written;
}

bool down_is_empty(std::string_view text) {
    std::istringstream in{std::string(text)};
    for (std::string line; std::getline(in, line);) {
        const auto start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos) continue;
        if (line.compare(start, 2, "--") != 0) return false;
    }
    return true;
}

} // namespace drizzle::kit
