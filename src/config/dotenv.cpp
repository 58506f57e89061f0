// `.env` files, parsed by the rules of the dotenv package (configs often `import 'dotenv/config'`).
#include "config/config_detail.hpp"

#include <cctype>

namespace drizzle::config_detail {

namespace {

bool is_key_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
}

std::string trim(std::string_view s) {
    auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return "";
    auto last = s.find_last_not_of(" \t\r");
    return std::string(s.substr(first, last - first + 1));
}

}  // namespace

std::map<std::string, std::string> parse_dotenv(std::string_view text) {
    std::map<std::string, std::string> vars;
    std::size_t i = 0;
    auto skip_line = [&] {
        while (i < text.size() && text[i] != '\n') ++i;
    };
    auto skip_blanks = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    };
    while (i < text.size()) {
        while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
        if (i >= text.size()) break;
        if (text.compare(i, 7, "export ") == 0) {
            i += 7;
            skip_blanks();
        }
        std::size_t key_start = i;
        while (i < text.size() && is_key_char(text[i])) ++i;
        std::string key(text.substr(key_start, i - key_start));
        skip_blanks();
        if (key.empty() || i >= text.size() || (text[i] != '=' && text[i] != ':')) {
            skip_line();  // comments and lines that are not KEY=VALUE
            continue;
        }
        ++i;
        skip_blanks();
        std::string value;
        char quote = i < text.size() ? text[i] : '\0';
        std::size_t close = std::string_view::npos;
        if (quote == '\'' || quote == '"' || quote == '`') {
            // Quoted values may span lines; a backslash-escaped quote does not close them.
            close = i + 1;
            while (close < text.size() && !(text[close] == quote && text[close - 1] != '\\')) ++close;
            if (close >= text.size()) close = std::string_view::npos;
        }
        if (close != std::string_view::npos) {
            value = std::string(text.substr(i + 1, close - i - 1));
            if (quote == '"') {
                std::string expanded;
                for (std::size_t k = 0; k < value.size(); ++k) {
                    if (value[k] == '\\' && k + 1 < value.size() &&
                        (value[k + 1] == 'n' || value[k + 1] == 'r')) {
                        expanded += value[k + 1] == 'n' ? '\n' : '\r';
                        ++k;
                    } else {
                        expanded += value[k];
                    }
                }
                value = std::move(expanded);
            }
            i = close + 1;
            skip_line();
        } else {
            std::size_t end = i;
            while (end < text.size() && text[end] != '\n' && text[end] != '#') ++end;
            value = trim(text.substr(i, end - i));
            i = end;
            skip_line();
        }
        vars[key] = value;
    }
    return vars;
}

}  // namespace drizzle::config_detail
