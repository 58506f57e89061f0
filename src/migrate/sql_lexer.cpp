// Statement splitting and tokens for migration SQL (PostgreSQL's and SQLite's lexical rules agree
// on everything used here: quotes, comments, semicolons).
#include "migrate/sql_lexer.hpp"

#include <cctype>

namespace drizzle::migrate_internal {

namespace {

bool word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80) != 0; }
bool word_char(char c) { return word_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$'; }

class Lexer {
public:
    explicit Lexer(std::string_view sql) : s_(sql) {}

    std::vector<SqlStatement> run() {
        std::vector<SqlStatement> out;
        std::size_t start = 0;
        SqlStatement current;
        while (skip_space_and_comments(), i_ < s_.size()) {
            const std::size_t begin = i_;
            const char c = s_[i_];
            SqlToken token;
            if (c == ';') {
                ++i_;
                current.text = s_.substr(start, i_ - start);
                out.push_back(std::move(current));
                current = SqlStatement{};
                start = i_;
                continue;
            }
            if ((c == 'E' || c == 'e') && i_ + 1 < s_.size() && s_[i_ + 1] == '\'') {
                ++i_;
                quoted('\'', true);
                token.kind = SqlToken::Kind::string;
            } else if (c == '\'') {
                token.kind = SqlToken::Kind::string;
                token.value = quoted('\'', false);
            } else if (c == '"') {
                token.kind = SqlToken::Kind::quoted_identifier;
                token.value = quoted('"', false);
            } else if (c == '$' && dollar_string()) {
                token.kind = SqlToken::Kind::dollar_string;
            } else if (word_start(c)) {
                token.kind = SqlToken::Kind::word;
                while (i_ < s_.size() && word_char(s_[i_])) {
                    token.value += static_cast<char>(std::tolower(static_cast<unsigned char>(s_[i_])));
                    ++i_;
                }
            } else if (std::isdigit(static_cast<unsigned char>(c))) {
                token.kind = SqlToken::Kind::word;
                while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '.')) ++i_;
                token.value = std::string(s_.substr(begin, i_ - begin));
            } else {
                token.kind = SqlToken::Kind::symbol;
                ++i_;
                token.value = std::string(1, c);
            }
            token.text = s_.substr(begin, i_ - begin);
            current.tokens.push_back(std::move(token));
        }
        if (start < s_.size()) {
            current.text = s_.substr(start);
            out.push_back(std::move(current));
        }
        return out;
    }

private:
    void skip_space_and_comments() {
        while (i_ < s_.size()) {
            if (std::isspace(static_cast<unsigned char>(s_[i_]))) {
                ++i_;
            } else if (s_.compare(i_, 2, "--") == 0) {
                while (i_ < s_.size() && s_[i_] != '\n') ++i_;
            } else if (s_.compare(i_, 2, "/*") == 0) {
                // PostgreSQL nests block comments; SQLite does not, but a nested opener inside a
                // SQLite comment is unusual enough not to matter for where statements end.
                int depth = 0;
                while (i_ < s_.size()) {
                    if (s_.compare(i_, 2, "/*") == 0) {
                        ++depth;
                        i_ += 2;
                    } else if (s_.compare(i_, 2, "*/") == 0) {
                        i_ += 2;
                        if (--depth == 0) break;
                    } else {
                        ++i_;
                    }
                }
            } else {
                return;
            }
        }
    }

    /// From the opening quote at i_ to after the closing one; returns the unescaped text.
    std::string quoted(char quote, bool backslash_escapes) {
        std::string value;
        ++i_;
        while (i_ < s_.size()) {
            const char c = s_[i_];
            if (backslash_escapes && c == '\\' && i_ + 1 < s_.size()) {
                value += s_[i_ + 1];
                i_ += 2;
            } else if (c == quote) {
                if (i_ + 1 < s_.size() && s_[i_ + 1] == quote) {
                    value += quote;
                    i_ += 2;
                } else {
                    ++i_;
                    break;
                }
            } else {
                value += c;
                ++i_;
            }
        }
        return value;
    }

    /// A $tag$...$tag$ string at i_ (consumed, true), or not one (`$1`, a lone `$`: false).
    bool dollar_string() {
        std::size_t j = i_ + 1;
        if (j < s_.size() && word_start(s_[j])) {
            while (j < s_.size() && word_char(s_[j]) && s_[j] != '$') ++j;
        }
        if (j >= s_.size() || s_[j] != '$') return false;
        const std::string_view tag = s_.substr(i_, j - i_ + 1);
        const std::size_t end = s_.find(tag, j + 1);
        i_ = end == std::string_view::npos ? s_.size() : end + tag.size();
        return true;
    }

    std::string_view s_;
    std::size_t i_ = 0;
};

}  // namespace

std::vector<SqlStatement> split_sql(std::string_view sql) { return Lexer(sql).run(); }

bool is_comment_only(std::string_view sql) {
    for (const auto& statement : split_sql(sql)) {
        if (!statement.tokens.empty()) return false;
    }
    return true;
}

}  // namespace drizzle::migrate_internal
