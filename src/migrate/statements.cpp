// Splitting migration files on drizzle's breakpoint marker, and the foreign-key pragma scan.
#include "migrate/statements.hpp"

#include "drizzle/migrate/migrator.hpp"

#include <cctype>
#include <string>

namespace drizzle {

std::vector<std::string> split_statements(const std::string& sql) {
    // drizzle-orm: sql.split('--> statement-breakpoint'), each piece run as is. The journal's
    // breakpoints flag is ignored there too.
    static constexpr std::string_view marker = "--> statement-breakpoint";
    std::vector<std::string> pieces;
    std::size_t start = 0;
    for (;;) {
        std::size_t at = sql.find(marker, start);
        std::string piece = sql.substr(start, at == std::string::npos ? std::string::npos : at - start);
        bool blank = true;
        for (char c : piece) {
            if (!std::isspace(static_cast<unsigned char>(c))) {
                blank = false;
                break;
            }
        }
        if (!blank) pieces.push_back(std::move(piece));
        if (at == std::string::npos) break;
        start = at + marker.size();
    }
    return pieces;
}

namespace migrate_internal {

bool switches_foreign_keys_off(std::string_view sql) {
    std::string lower;
    lower.reserve(sql.size());
    for (char c : sql) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::size_t pos = 0;
    while ((pos = lower.find("pragma", pos)) != std::string::npos) {
        std::size_t i = pos + 6;
        auto skip_space = [&] {
            while (i < lower.size() && std::isspace(static_cast<unsigned char>(lower[i]))) ++i;
        };
        skip_space();
        if (lower.compare(i, 5, "main.") == 0) i += 5;
        pos += 6;
        if (lower.compare(i, 12, "foreign_keys") != 0) continue;
        i += 12;
        skip_space();
        if (i >= lower.size() || lower[i] != '=') continue;
        ++i;
        skip_space();
        if (i < lower.size() && (lower[i] == '\'' || lower[i] == '"')) ++i;
        for (std::string_view value : {"off", "0", "false", "no"}) {
            if (lower.compare(i, value.size(), value) != 0) continue;
            std::size_t end = i + value.size();
            if (end == lower.size() || !std::isalnum(static_cast<unsigned char>(lower[end]))) return true;
        }
    }
    return false;
}

bool declares_txmode_none(std::string_view sql) {
    if (sql.starts_with("\xEF\xBB\xBF")) sql.remove_prefix(3);  // a UTF-8 BOM some editors add
    std::string_view line = sql.substr(0, sql.find('\n'));
    std::size_t i = 0;
    auto skip_space = [&] {
        while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
    };
    auto word = [&](std::string_view w) {
        if (line.compare(i, w.size(), w) != 0) return false;
        i += w.size();
        return true;
    };
    skip_space();
    if (!word("--")) return false;
    skip_space();
    if (!word("drizzle:txmode")) return false;
    std::size_t before = i;
    skip_space();
    if (i == before || !word("none")) return false;
    skip_space();
    return i == line.size();
}

}  // namespace migrate_internal
}  // namespace drizzle
