// Encoding and decoding of rename records shared by the snapshot formats.
#include "snapshot/renames.hpp"

namespace drizzle::snapshot_detail {

namespace {

std::string quote(const std::string& name) { return "\"" + name + "\""; }

std::string dotted(const std::string& schema, const std::string& table, bool quoted) {
    auto part = [&](const std::string& name) { return quoted ? quote(name) : name; };
    return schema.empty() ? part(table) : part(schema) + "." + part(table);
}

// Plain form: "t", "schema.t" or "t.c"; drizzle-kit never escapes, so split on dots.
std::vector<std::string> split_plain(const std::string& text) {
    std::vector<std::string> parts;
    std::string::size_type start = 0;
    while (true) {
        auto dot = text.find('.', start);
        parts.push_back(text.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return parts;
}

}  // namespace

std::string quoted_table_key(const std::string& schema, const std::string& table) {
    return dotted(schema, table, true);
}

std::string quoted_column_key(const std::string& schema, const std::string& table,
                              const std::string& column) {
    return dotted(schema, table, true) + "." + quote(column);
}

std::optional<std::vector<std::string>> split_quoted_key(const std::string& text) {
    std::vector<std::string> parts;
    std::string::size_type pos = 0;
    while (true) {
        if (pos >= text.size() || text[pos] != '"') return std::nullopt;
        auto close = text.find('"', pos + 1);
        if (close == std::string::npos) return std::nullopt;
        parts.push_back(text.substr(pos + 1, close - pos - 1));
        pos = close + 1;
        if (pos == text.size()) return parts;
        if (text[pos] != '.') return std::nullopt;
        ++pos;
    }
}

std::vector<std::string> rename_strings(const SnapshotRenames& renames, bool quoted) {
    std::vector<std::string> out;
    for (const auto& table : renames.tables) {
        out.push_back(dotted(table.schema, table.from, quoted) + "->" +
                      dotted(table.schema, table.to, quoted));
    }
    for (const auto& column : renames.columns) {
        const std::string table = dotted(column.schema, column.table, quoted);
        out.push_back(table + "." + (quoted ? quote(column.from) : column.from) + "->" + table + "." +
                      (quoted ? quote(column.to) : column.to));
    }
    return out;
}

bool parse_rename_string(const std::string& text, SnapshotRenames& out) {
    auto arrow = text.find("->");
    if (arrow == std::string::npos) return false;
    const std::string from_text = text.substr(0, arrow);
    const std::string to_text = text.substr(arrow + 2);

    std::vector<std::string> from;
    std::vector<std::string> to;
    if (!from_text.empty() && from_text.front() == '"') {
        auto from_parts = split_quoted_key(from_text);
        auto to_parts = split_quoted_key(to_text);
        if (!from_parts || !to_parts) return false;
        from = std::move(*from_parts);
        to = std::move(*to_parts);
    } else {
        from = split_plain(from_text);
        to = split_plain(to_text);
    }
    // SQLite has no schemas: one part is a table, two parts are table.column.
    if (from.size() == 1 && to.size() == 1) {
        out.tables.push_back({"", from[0], to[0]});
        return true;
    }
    if (from.size() == 2 && to.size() == 2) {
        out.columns.push_back({"", to[0], from[1], to[1]});
        return true;
    }
    return false;
}

}  // namespace drizzle::snapshot_detail
