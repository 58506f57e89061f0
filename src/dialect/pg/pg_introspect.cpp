// Reads a live PostgreSQL schema from pg_catalog into the model, with a fixed number of queries.
#include "drizzle/dialect/pg.hpp"
#include "drizzle/schema/naming.hpp"
#include "util/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

namespace drizzle::pg {

namespace {

std::string text(const std::optional<std::string>& cell) { return cell.value_or(""); }
bool flag(const std::optional<std::string>& cell) { return cell && (*cell == "t" || *cell == "true"); }

std::string model_schema(const std::string& schema) { return schema == "public" ? "" : schema; }

// Arrays come back joined with chr(31) (array_to_string), which no identifier or option holds.
std::vector<std::string> split_units(const std::string& joined) {
    std::vector<std::string> parts;
    size_t start = 0;
    while (!joined.empty()) {
        size_t end = joined.find('\x1f', start);
        parts.push_back(joined.substr(start, end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return parts;
}

// reloptions entries are "key=value".
std::vector<std::pair<std::string, std::string>> storage_options(const std::string& joined) {
    std::vector<std::pair<std::string, std::string>> options;
    for (const auto& option : split_units(joined)) {
        auto eq = option.find('=');
        options.emplace_back(option.substr(0, eq), eq == std::string::npos ? "" : option.substr(eq + 1));
    }
    return options;
}

std::string sql_list(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& value : values) out += (out.empty() ? "" : ",") + detail::quote_sql_string(value);
    return out;
}

std::string unquote(const std::string& identifier) {
    if (identifier.size() >= 2 && identifier.front() == '"' && identifier.back() == '"') {
        std::string out;
        for (size_t i = 1; i + 1 < identifier.size(); ++i) {
            out += identifier[i];
            if (identifier[i] == '"') ++i;
        }
        return out;
    }
    return identifier;
}

// format_type() spellings -> the short forms drizzle-kit and our DSL use.
std::string canonical_type(std::string type) {
    static const std::vector<std::pair<std::regex, std::string>> rules = {
        {std::regex(R"(^character varying)"), "varchar"},
        {std::regex(R"(^character\b)"), "char"},
        {std::regex(R"(^timestamp(\(\d+\))? without time zone$)"), "timestamp$1"},
        {std::regex(R"(^time(\(\d+\))? without time zone$)"), "time$1"},
        {std::regex(R"(^bit varying)"), "varbit"},
    };
    for (const auto& [pattern, replacement] : rules) type = std::regex_replace(type, pattern, replacement);
    return type;
}

// Strips one pair of parentheses that encloses the whole text.
std::string strip_outer_parens(std::string value) {
    while (value.size() >= 2 && value.front() == '(' && value.back() == ')') {
        int depth = 0;
        bool encloses = true;
        for (size_t i = 0; i < value.size(); ++i) {
            if (value[i] == '(') ++depth;
            if (value[i] == ')') --depth;
            if (depth == 0 && i + 1 < value.size()) {
                encloses = false;
                break;
            }
        }
        if (!encloses) break;
        value = value.substr(1, value.size() - 2);
    }
    return value;
}

// `'x'::text` -> `'x'` when the cast only restates the column's own type.
std::string canonical_default(const std::string& value, const std::string& type, const std::string& raw_type) {
    static const std::regex literal_cast(R"(^('(?:[^']|'')*')::(.+)$)");
    std::smatch match;
    if (std::regex_match(value, match, literal_cast)) {
        std::string cast = match[2].str();
        if (cast == raw_type || cast == type || cast == "\"" + type + "\"" || cast == "text" ||
            cast == "character varying") {
            return match[1].str();
        }
    }
    return value;
}

std::string action(const std::string& code) {
    if (code == "c") return "cascade";
    if (code == "n") return "set null";
    if (code == "d") return "set default";
    if (code == "r") return "restrict";
    return "no action";
}

struct Key {
    std::string schema;
    std::string table;
    bool operator<(const Key& other) const { return std::tie(schema, table) < std::tie(other.schema, other.table); }
};

}  // namespace

Schema introspect(Connection& connection, const std::vector<std::string>& schemas, const std::string& migrations_schema,
                  const std::string& migrations_table) {
    Schema schema;
    schema.dialect = Dialect::postgresql;
    // Which schemas: the requested ones, or every user schema.
    const std::string schema_filter =
        schemas.empty() ? "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
                          "AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%'"
                        : "n.nspname IN (" + sql_list(schemas) + ")";
    // Objects an extension installed (PostGIS's spatial_ref_sys, say) belong to the extension, not
    // to the project: never report them, or push would drop them. Tested once per table: the
    // column, constraint, index and policy queries skip rows of tables not listed.
    const std::string not_extension_member =
        " AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid "
        "AND x.deptype = 'e')";
    const std::string table_filter = schema_filter + " AND NOT (n.nspname = " + sql_list({migrations_schema}) +
                                     " AND c.relname = " + sql_list({migrations_table}) + ")";

    for (const auto& row : connection.query("SELECT n.nspname FROM pg_namespace n WHERE " + schema_filter +
                                            " AND n.nspname <> 'public' AND n.nspname <> " +
                                            sql_list({migrations_schema}) + " ORDER BY 1")) {
        schema.schemas.push_back(text(row[0]));
    }

    std::map<Key, Table> tables;
    for (const auto& row : connection.query(
             "SELECT n.nspname, c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = "
             "c.relnamespace WHERE c.relkind IN ('r', 'p') AND " + table_filter + not_extension_member +
             " ORDER BY 1, 2")) {
        Table table;
        table.schema = model_schema(text(row[0]));
        table.name = text(row[1]);
        table.rls_enabled = flag(row[2]);
        tables[{table.schema, table.name}] = std::move(table);
    }

    // Columns, with what serial/identity sequences they own.
    for (const auto& row : connection.query(
             "SELECT n.nspname, c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
             "pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, "
             "CASE WHEN t.typtype = 'e' THEN tn.nspname WHEN et.typtype = 'e' THEN etn.nspname END, "
             "CASE WHEN t.typtype = 'e' THEN t.typname WHEN et.typtype = 'e' THEN et.typname END, "
             // Column 10 is unused: pg_get_serial_sequence() re-parses names for every column (half
             // of this query's time at 1000 tables); the owned sequence is joined below instead.
             "NULL::text, "
             "s.seqincrement, s.seqmin, s.seqmax, s.seqstart, s.seqcache, s.seqcycle, sc.relname, "
             "format_type(a.atttypid, NULL) "
             "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
             "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
             "JOIN pg_type t ON t.oid = a.atttypid JOIN pg_namespace tn ON tn.oid = t.typnamespace "
             "LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A' "
             "LEFT JOIN pg_namespace etn ON etn.oid = et.typnamespace "
             // Only sequences a column owns (serial, identity): indexes and generated columns
             // depend on columns too, and must not multiply the rows. A lateral probe of
             // pg_depend's reference index: right after 1000 CREATE TABLEs (stale catalog
             // statistics) a plain join was planned as a hash over all of pg_depend, twice as slow.
             "LEFT JOIN LATERAL (SELECT oc.oid, oc.relname FROM pg_depend dep JOIN pg_class oc ON oc.oid = "
             "dep.objid AND oc.relkind = 'S' WHERE dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid "
             "AND dep.refobjsubid = a.attnum AND dep.classid = 'pg_class'::regclass AND dep.deptype IN ('a', 'i') "
             "LIMIT 1) sc ON true "
             "LEFT JOIN pg_sequence s ON s.seqrelid = sc.oid "
             "WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND " + table_filter +
             " ORDER BY n.nspname, c.relname, a.attnum")) {
        auto it = tables.find({model_schema(text(row[0])), text(row[1])});
        if (it == tables.end()) continue;
        Column column;
        column.name = text(row[2]);
        std::string type = text(row[3]);
        while (type.size() > 2 && type.compare(type.size() - 2, 2, "[]") == 0) {
            ++column.dimensions;
            type.resize(type.size() - 2);
        }
        column.not_null = flag(row[4]);
        const std::string identity = text(row[6]);
        const std::string generated = text(row[7]);
        if (row[9]) {
            column.type = text(row[9]);
            column.type_schema = text(row[8]);
        } else {
            column.type = canonical_type(type);
        }
        const bool owns_sequence = row[17].has_value();
        if (!identity.empty()) {
            IdentityColumn id;
            id.kind = identity == "a" ? IdentityColumn::Kind::always : IdentityColumn::Kind::by_default;
            const std::string default_sequence = pg_default_sequence_name(it->second.name, column.name);
            if (text(row[17]) != default_sequence) id.sequence_name = text(row[17]);
            // Only values other than PostgreSQL's defaults for the type are kept, as the DSL writes them.
            const std::string max_default = column.type == "bigint" ? "9223372036854775807"
                                            : column.type == "smallint" ? "32767" : "2147483647";
            if (text(row[11]) != "1") id.options.increment = text(row[11]);
            if (text(row[12]) != "1") id.options.min_value = text(row[12]);
            if (text(row[13]) != max_default) id.options.max_value = text(row[13]);
            if (text(row[14]) != "1") id.options.start_with = text(row[14]);
            if (text(row[15]) != "1") id.options.cache = text(row[15]);
            id.options.cycle = flag(row[16]);
            column.identity = id;
        } else if (generated == "s") {
            column.generated = GeneratedColumn{strip_outer_parens(text(row[5])), true};
        } else if (row[5]) {
            const std::string value = *row[5];
            const bool serial_default = owns_sequence && value.rfind("nextval(", 0) == 0 && column.dimensions == 0 &&
                                        (column.type == "integer" || column.type == "bigint" || column.type == "smallint");
            if (serial_default) {
                column.type = column.type == "integer" ? "serial" : column.type == "bigint" ? "bigserial" : "smallserial";
                column.not_null = false;  // implied by serial
            } else {
                column.default_value = ColumnDefault{ColumnDefault::Kind::expression,
                                                     canonical_default(value, column.type, text(row[18]))};
                if (value == "true" || value == "false") column.default_value->kind = ColumnDefault::Kind::boolean;
            }
        }
        it->second.columns.push_back(std::move(column));
    }

    // Constraints: primary keys, uniques, foreign keys, checks.
    for (const auto& row : connection.query(
             "SELECT n.nspname, c.relname, con.conname, con.contype, pg_get_constraintdef(con.oid, true), "
             "array_to_string(ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord) "
             "JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num ORDER BY k.ord), chr(31)), "
             "fc.relname, array_to_string(ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord) "
             "JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num ORDER BY k.ord), chr(31)), "
             "con.confdeltype, con.confupdtype, COALESCE(ix.indnullsnotdistinct, false), fn.nspname "
             "FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
             "LEFT JOIN pg_class fc ON fc.oid = con.confrelid LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace "
             "LEFT JOIN pg_index ix ON ix.indexrelid = con.conindid "
             "WHERE con.contype IN ('p', 'u', 'f', 'c') AND c.relkind IN ('r', 'p') AND " + table_filter +
             " ORDER BY n.nspname, c.relname, con.contype, con.conname")) {
        auto it = tables.find({model_schema(text(row[0])), text(row[1])});
        if (it == tables.end()) continue;
        Table& table = it->second;
        const std::string name = text(row[2]);
        const std::string kind = text(row[3]);
        const auto columns = split_units(text(row[5]));
        if (kind == "p") {
            if (columns.size() == 1 && name == pg_default_primary_key_name(table.name)) {
                for (auto& column : table.columns) {
                    if (column.name == columns[0]) column.primary_key = true;
                }
            } else {
                table.primary_keys.push_back({name, true, columns});
            }
        } else if (kind == "u") {
            UniqueConstraint unique;
            unique.name = name;
            unique.name_explicit = true;
            unique.columns = columns;
            unique.nulls_not_distinct = flag(row[10]);
            table.uniques.push_back(std::move(unique));
        } else if (kind == "f") {
            ForeignKey fk;
            fk.name = name;
            fk.name_explicit = true;
            fk.columns = columns;
            fk.table_to = text(row[6]);
            fk.schema_to = model_schema(text(row[11]));
            fk.columns_to = split_units(text(row[7]));
            fk.on_delete = action(text(row[8]));
            fk.on_update = action(text(row[9]));
            table.foreign_keys.push_back(std::move(fk));
        } else {
            std::string definition = text(row[4]);
            if (definition.rfind("CHECK ", 0) == 0) definition = definition.substr(6);
            table.checks.push_back({name, strip_outer_parens(definition)});
        }
    }
    // Primary-key columns are NOT NULL by definition; the model keeps only what was declared.
    for (auto& [key, table] : tables) {
        for (auto& column : table.columns) {
            if (column.primary_key) column.not_null = false;
        }
        for (const auto& pk : table.primary_keys) {
            for (auto& column : table.columns) {
                if (std::find(pk.columns.begin(), pk.columns.end(), column.name) != pk.columns.end()) {
                    column.not_null = true;
                }
            }
        }
    }

    // Indexes that do not back a constraint, one row per element.
    std::map<std::string, std::pair<Key, size_t>> index_by_oid;  // oid -> (table, position)
    for (const auto& row : connection.query(
             "SELECT n.nspname, c.relname, ic.relname, i.indisunique, am.amname, pg_get_expr(i.indpred, i.indrelid), "
             "array_to_string(ic.reloptions, chr(31)), i.indexrelid::text "
             "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
             "JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_am am ON am.oid = ic.relam "
             "WHERE NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = i.indexrelid AND con.contype IN "
             "('p', 'u', 'x')) AND c.relkind IN ('r', 'p') AND " + table_filter +
             " ORDER BY n.nspname, c.relname, ic.relname")) {
        auto it = tables.find({model_schema(text(row[0])), text(row[1])});
        if (it == tables.end()) continue;
        Index index;
        index.name = text(row[2]);
        index.unique = flag(row[3]);
        index.method = text(row[4]) == "btree" ? "" : text(row[4]);
        if (row[5]) index.where = strip_outer_parens(*row[5]);
        index.with = storage_options(text(row[6]));
        it->second.indexes.push_back(std::move(index));
        index_by_oid[text(row[7])] = {it->first, it->second.indexes.size() - 1};
    }
    for (const auto& row : connection.query(
             "SELECT i.indexrelid::text, k.ord, pg_get_indexdef(i.indexrelid, k.ord::int, true), i.indkey[k.ord - 1], "
             "i.indoption[k.ord - 1], CASE WHEN op.opcdefault THEN '' ELSE op.opcname END "
             "FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
             "CROSS JOIN LATERAL generate_series(1, i.indnkeyatts) AS k(ord) "
             "JOIN pg_opclass op ON op.oid = i.indclass[k.ord - 1] "
             "WHERE c.relkind IN ('r', 'p') AND " + table_filter + " ORDER BY 1, 2")) {
        auto it = index_by_oid.find(text(row[0]));
        if (it == index_by_oid.end()) continue;
        IndexColumn element;
        const bool is_column = text(row[3]) != "0";
        element.expression = is_column ? unquote(text(row[2])) : strip_outer_parens(text(row[2]));
        element.is_expression = !is_column;
        const int option = std::stoi(text(row[4]));
        element.asc = (option & 1) == 0;
        const bool nulls_first = (option & 2) != 0;
        // Only the non-default NULLS placement is kept (ASC: LAST, DESC: FIRST are defaults).
        if (element.asc && nulls_first) element.nulls = "first";
        if (!element.asc && !nulls_first) element.nulls = "last";
        element.opclass = text(row[5]);
        tables[it->second.first].indexes[it->second.second].columns.push_back(std::move(element));
    }

    for (const auto& row : connection.query(
             "SELECT n.nspname, t.typname, e.enumlabel FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid "
             "JOIN pg_namespace n ON n.oid = t.typnamespace WHERE " + schema_filter +
             " AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass AND x.objid = t.oid "
             "AND x.deptype = 'e') ORDER BY n.nspname, t.typname, e.enumsortorder")) {
        const std::string enum_schema = model_schema(text(row[0]));
        const std::string name = text(row[1]);
        if (schema.enums.empty() || schema.enums.back().schema != enum_schema || schema.enums.back().name != name) {
            schema.enums.push_back({enum_schema, name, {}});
        }
        schema.enums.back().values.push_back(text(row[2]));
    }

    // Standalone sequences: not owned by a serial or identity column.
    for (const auto& row : connection.query(
             "SELECT n.nspname, c.relname, s.seqincrement, s.seqmin, s.seqmax, s.seqstart, s.seqcache, s.seqcycle "
             "FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
             "WHERE " + schema_filter + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND "
             "d.deptype IN ('a', 'i') AND d.refobjsubid > 0)" + not_extension_member + " ORDER BY 1, 2")) {
        Sequence sequence;
        sequence.schema = model_schema(text(row[0]));
        sequence.name = text(row[1]);
        sequence.options.increment = text(row[2]);
        sequence.options.min_value = text(row[3]);
        sequence.options.max_value = text(row[4]);
        sequence.options.start_with = text(row[5]);
        sequence.options.cache = text(row[6]);
        sequence.options.cycle = flag(row[7]);
        schema.sequences.push_back(std::move(sequence));
    }

    for (const auto& row : connection.query(
             "SELECT n.nspname, c.relname, c.relkind, pg_get_viewdef(c.oid, true), "
             "array_to_string(c.reloptions, chr(31)), am.amname, ts.spcname, c.relispopulated "
             "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am am ON am.oid = c.relam "
             "LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace "
             "WHERE c.relkind IN ('v', 'm') AND " + schema_filter + not_extension_member + " ORDER BY 1, 2")) {
        View view;
        view.schema = model_schema(text(row[0]));
        view.name = text(row[1]);
        view.materialized = text(row[2]) == "m";
        std::string definition = text(row[3]);
        while (!definition.empty() && std::isspace(static_cast<unsigned char>(definition.front()))) definition.erase(0, 1);
        while (!definition.empty() && (definition.back() == ';' || std::isspace(static_cast<unsigned char>(definition.back())))) {
            definition.pop_back();
        }
        view.definition = definition;
        view.with = storage_options(text(row[4]));
        if (view.materialized) {
            if (text(row[5]) != "heap") view.using_ = text(row[5]);
            view.tablespace = text(row[6]);
            view.with_no_data = !flag(row[7]);
        }
        schema.views.push_back(std::move(view));
    }

    for (const auto& row : connection.query(
             "SELECT n.nspname, c.relname, p.polname, p.polpermissive, p.polcmd, "
             "array_to_string(ARRAY(SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END "
             "FROM unnest(p.polroles) r), chr(31)), pg_get_expr(p.polqual, p.polrelid), "
             "pg_get_expr(p.polwithcheck, p.polrelid) FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
             "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + table_filter + " ORDER BY 1, 2, 3")) {
        auto it = tables.find({model_schema(text(row[0])), text(row[1])});
        if (it == tables.end()) continue;
        Policy policy;
        policy.name = text(row[2]);
        policy.as = flag(row[3]) ? "permissive" : "restrictive";
        const std::string cmd = text(row[4]);
        policy.for_ = cmd == "r" ? "select" : cmd == "a" ? "insert" : cmd == "w" ? "update" : cmd == "d" ? "delete" : "all";
        policy.to = split_units(text(row[5]));
        if (row[6]) policy.using_ = strip_outer_parens(*row[6]);
        if (row[7]) policy.with_check = strip_outer_parens(*row[7]);
        it->second.policies.push_back(std::move(policy));
    }

    for (auto& [key, table] : tables) schema.tables.push_back(std::move(table));
    return schema;
}

}  // namespace drizzle::pg
