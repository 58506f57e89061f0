// A small glob matcher for `schema` patterns (*, ?, [...], {a,b}), in the spirit of node-glob.
#include "config/config_detail.hpp"

namespace drizzle::config_detail {

bool has_glob_chars(std::string_view component) {
    return component.find_first_of("*?[{") != std::string_view::npos;
}

namespace {

// Matches a `[...]` class at pattern[p] against c; returns the index after `]`, or npos when the
// bracket is not closed (then it is a literal '[').
std::size_t match_class(std::string_view pattern, std::size_t p, char c, bool& matched) {
    std::size_t k = p + 1;
    bool negate = k < pattern.size() && (pattern[k] == '!' || pattern[k] == '^');
    if (negate) ++k;
    bool found = false;
    bool first = true;
    while (k < pattern.size() && (pattern[k] != ']' || first)) {
        first = false;
        char lo = pattern[k];
        if (lo == '\\' && k + 1 < pattern.size()) lo = pattern[++k];
        char hi = lo;
        if (k + 2 < pattern.size() && pattern[k + 1] == '-' && pattern[k + 2] != ']') {
            hi = pattern[k + 2];
            k += 2;
        }
        if (lo <= c && c <= hi) found = true;
        ++k;
    }
    if (k >= pattern.size()) return std::string_view::npos;
    matched = found != negate;
    return k + 1;
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view name) {
    // Hidden files only match a pattern that spells the dot, as in node-glob.
    if (!name.empty() && name[0] == '.' && (pattern.empty() || pattern[0] != '.')) return false;
    std::size_t p = 0, n = 0;
    std::size_t star_p = std::string_view::npos, star_n = 0;
    while (n < name.size()) {
        if (p < pattern.size()) {
            char pc = pattern[p];
            if (pc == '*') {
                star_p = ++p;
                star_n = n;
                continue;
            }
            if (pc == '?') {
                ++p;
                ++n;
                continue;
            }
            if (pc == '[') {
                bool matched = false;
                auto after = match_class(pattern, p, name[n], matched);
                if (after != std::string_view::npos) {
                    if (matched) {
                        p = after;
                        ++n;
                        continue;
                    }
                } else if (name[n] == '[') {
                    ++p;
                    ++n;
                    continue;
                }
            } else {
                if (pc == '\\' && p + 1 < pattern.size()) pc = pattern[++p];
                if (pc == name[n]) {
                    ++p;
                    ++n;
                    continue;
                }
            }
        }
        if (star_p == std::string_view::npos) return false;
        p = star_p;  // let the last '*' swallow one more character
        n = ++star_n;
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::vector<std::string> expand_braces(const std::string& pattern) {
    // The first brace group that holds a top-level comma; `{a}` alone stays literal, like bash.
    for (std::size_t open = pattern.find('{'); open != std::string::npos;
         open = pattern.find('{', open + 1)) {
        int depth = 0;
        std::vector<std::size_t> commas;
        std::size_t close = std::string::npos;
        for (std::size_t k = open; k < pattern.size(); ++k) {
            if (pattern[k] == '{') ++depth;
            if (pattern[k] == '}' && --depth == 0) {
                close = k;
                break;
            }
            if (pattern[k] == ',' && depth == 1) commas.push_back(k);
        }
        if (close == std::string::npos) break;
        if (commas.empty()) continue;
        std::vector<std::string> out;
        std::string prefix = pattern.substr(0, open);
        std::string suffix = pattern.substr(close + 1);
        std::size_t from = open + 1;
        commas.push_back(close);
        for (auto comma : commas) {
            for (auto& expanded : expand_braces(prefix + pattern.substr(from, comma - from) + suffix)) {
                out.push_back(std::move(expanded));
            }
            from = comma + 1;
        }
        return out;
    }
    return {pattern};
}

}  // namespace drizzle::config_detail
