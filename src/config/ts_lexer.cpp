// Lexer for drizzle.config.ts: strings with JS escapes, template literals, numbers, punctuation.
#include "util/utf8.hpp"
#include "config/ts_lexer.hpp"

#include "config/config_detail.hpp"
#include "drizzle/error.hpp"

#include <array>
#include <cctype>

namespace drizzle::config_detail {

std::string located(std::string_view source, const std::string& label, std::size_t offset,
                    const std::string& message) {
    auto pos = position_of(source, offset);
    return label + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) + ": " + message;
}

namespace {

bool is_ident_start(char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == '$' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_ident_char(char c) {
    return is_ident_start(c) || std::isdigit(static_cast<unsigned char>(c));
}

class Lexer {
public:
    Lexer(std::string_view source, const std::string& label) : src_(source), label_(label) {}

    std::vector<Token> run() {
        while (true) {
            skip_space_and_comments();
            if (pos_ >= src_.size()) break;
            lex_one();
        }
        if (!template_depths_.empty()) fail(src_.size(), "unterminated template literal");
        tokens_.push_back(Token{TokenKind::end, "", src_.size()});
        return std::move(tokens_);
    }

private:
    [[noreturn]] void fail(std::size_t offset, const std::string& message) const {
        throw UserError(located(src_, label_, offset, message));
    }

    void skip_space_and_comments() {
        while (pos_ < src_.size()) {
            char c = src_[pos_];
            if (std::isspace(static_cast<unsigned char>(c))) {
                ++pos_;
            } else if (src_.compare(pos_, 2, "//") == 0 || (pos_ == 0 && src_.compare(0, 2, "#!") == 0)) {
                while (pos_ < src_.size() && src_[pos_] != '\n') ++pos_;
            } else if (src_.compare(pos_, 2, "/*") == 0) {
                auto close = src_.find("*/", pos_ + 2);
                if (close == std::string_view::npos) fail(pos_, "unterminated /* comment");
                pos_ = close + 2;
            } else if (src_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) {
                pos_ += 3;  // BOM
            } else {
                break;
            }
        }
    }

    void push(TokenKind kind, std::string text, std::size_t offset) {
        tokens_.push_back(Token{kind, std::move(text), offset});
    }

    void lex_one() {
        std::size_t start = pos_;
        char c = src_[pos_];
        if (c == '\'' || c == '"') {
            push(TokenKind::string, lex_quoted(c), start);
        } else if (c == '`') {
            ++pos_;
            lex_template_part(start, true);
        } else if (std::isdigit(static_cast<unsigned char>(c)) ||
                   (c == '.' && pos_ + 1 < src_.size() &&
                    std::isdigit(static_cast<unsigned char>(src_[pos_ + 1])))) {
            lex_number();
        } else if (is_ident_start(c)) {
            while (pos_ < src_.size() && is_ident_char(src_[pos_])) ++pos_;
            push(TokenKind::identifier, std::string(src_.substr(start, pos_ - start)), start);
        } else if (c == '{') {
            if (!template_depths_.empty()) ++template_depths_.back();
            ++pos_;
            push(TokenKind::punct, "{", start);
        } else if (c == '}' && !template_depths_.empty() && template_depths_.back() == 0) {
            template_depths_.pop_back();
            ++pos_;
            lex_template_part(start, false);
        } else {
            if (c == '}' && !template_depths_.empty()) --template_depths_.back();
            lex_punct();
        }
    }

    void lex_punct() {
        static constexpr std::array<std::string_view, 16> multi = {
            "...", "===", "!==", "**=", "??", "||", "&&", "=>",
            "?.",  "==",  "!=",  "<=",  ">=", "++", "--", "**"};
        for (auto op : multi) {
            if (src_.compare(pos_, op.size(), op) == 0) {
                push(TokenKind::punct, std::string(op), pos_);
                pos_ += op.size();
                return;
            }
        }
        push(TokenKind::punct, std::string(1, src_[pos_]), pos_);
        ++pos_;
    }

    void lex_number() {
        std::size_t start = pos_;
        auto digit_ok = [&](char ch) {
            return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '.';
        };
        while (pos_ < src_.size()) {
            char ch = src_[pos_];
            bool exponent_sign = (ch == '+' || ch == '-') && pos_ > start &&
                                 (src_[pos_ - 1] == 'e' || src_[pos_ - 1] == 'E') &&
                                 !(src_.compare(start, 2, "0x") == 0 || src_.compare(start, 2, "0X") == 0);
            if (!digit_ok(ch) && !exponent_sign) break;
            ++pos_;
        }
        push(TokenKind::number, std::string(src_.substr(start, pos_ - start)), start);
    }

    unsigned long hex_value(std::size_t from, std::size_t count, std::size_t escape_at) {
        if (from + count > src_.size()) fail(escape_at, "invalid escape sequence");
        unsigned long value = 0;
        for (std::size_t k = 0; k < count; ++k) {
            char h = src_[from + k];
            if (!std::isxdigit(static_cast<unsigned char>(h))) fail(escape_at, "invalid escape sequence");
            value = value * 16 + static_cast<unsigned long>(std::isdigit(static_cast<unsigned char>(h))
                                                                ? h - '0'
                                                                : std::tolower(h) - 'a' + 10);
        }
        return value;
    }

    // At a backslash: appends the escaped character(s) to `out` and moves past the escape.
    void lex_escape(std::string& out) {
        std::size_t at = pos_;
        if (pos_ + 1 >= src_.size()) fail(at, "unterminated string");
        char e = src_[pos_ + 1];
        pos_ += 2;
        switch (e) {
        case 'n': out += '\n'; return;
        case 'r': out += '\r'; return;
        case 't': out += '\t'; return;
        case 'b': out += '\b'; return;
        case 'f': out += '\f'; return;
        case 'v': out += '\v'; return;
        case '0': out += '\0'; return;
        case '\r':
            if (pos_ < src_.size() && src_[pos_] == '\n') ++pos_;
            return;  // line continuation
        case '\n': return;
        case 'x': {
            detail::append_utf8(out, hex_value(pos_, 2, at));
            pos_ += 2;
            return;
        }
        case 'u': {
            unsigned long cp = 0;
            if (pos_ < src_.size() && src_[pos_] == '{') {
                auto close = src_.find('}', pos_);
                if (close == std::string_view::npos || close == pos_ + 1 || close - pos_ > 7) {
                    fail(at, "invalid escape sequence");
                }
                cp = hex_value(pos_ + 1, close - pos_ - 1, at);
                pos_ = close + 1;
            } else {
                cp = hex_value(pos_, 4, at);
                pos_ += 4;
                // A surrogate pair written as two escapes is one code point.
                if (cp >= 0xD800 && cp <= 0xDBFF && src_.compare(pos_, 2, "\\u") == 0) {
                    unsigned long low = hex_value(pos_ + 2, 4, at);
                    if (low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        pos_ += 6;
                    }
                }
            }
            if (cp > 0x10FFFF) fail(at, "invalid escape sequence");
            detail::append_utf8(out, cp);
            return;
        }
        default:
            out += e;  // \' \" \\ \` \$ and JS's identity escapes
            return;
        }
    }

    std::string lex_quoted(char quote) {
        std::size_t start = pos_++;
        std::string value;
        while (true) {
            if (pos_ >= src_.size() || src_[pos_] == '\n') fail(start, "unterminated string");
            char ch = src_[pos_];
            if (ch == quote) {
                ++pos_;
                return value;
            }
            if (ch == '\\') {
                lex_escape(value);
            } else {
                value += ch;
                ++pos_;
            }
        }
    }

    // Lexes template text up to the closing backtick or the next `${`. `start` is where the
    // part began (the backtick or the closing brace), for the token's position.
    void lex_template_part(std::size_t start, bool first) {
        std::string value;
        while (true) {
            if (pos_ >= src_.size()) fail(start, "unterminated template literal");
            char ch = src_[pos_];
            if (ch == '`') {
                ++pos_;
                push(first ? TokenKind::string : TokenKind::template_tail, std::move(value), start);
                return;
            }
            if (ch == '$' && pos_ + 1 < src_.size() && src_[pos_ + 1] == '{') {
                pos_ += 2;
                template_depths_.push_back(0);
                push(first ? TokenKind::template_head : TokenKind::template_middle, std::move(value), start);
                return;
            }
            if (ch == '\\') {
                lex_escape(value);
            } else if (ch == '\r') {
                // Template literals normalise CRLF to LF.
                value += '\n';
                pos_ += src_.compare(pos_, 2, "\r\n") == 0 ? 2 : 1;
            } else {
                value += ch;
                ++pos_;
            }
        }
    }

    std::string_view src_;
    const std::string& label_;
    std::size_t pos_ = 0;
    std::vector<Token> tokens_;
    std::vector<int> template_depths_;  ///< open `{` count inside each active `${ ... }`
};

}  // namespace

std::vector<Token> tokenize_ts(std::string_view source, const std::string& label) {
    return Lexer(source, label).run();
}

}  // namespace drizzle::config_detail
