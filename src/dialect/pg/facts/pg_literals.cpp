// PostgreSQL string and array literal text: splitting, quoting, and array_out's canonical form.
#include "drizzle/schema/pg_literals.hpp"

#include <cctype>
#include <regex>

namespace drizzle {

namespace {

// Parses an array literal and prints it the way array_out does.
class ArrayLiteral {
public:
    ArrayLiteral(const std::string& text, bool boolean) : text_(text), boolean_(boolean) {}

    std::optional<std::string> canonical() {
        std::string out;
        if (!array(out)) return std::nullopt;
        skip_space();
        if (pos_ != text_.size()) return std::nullopt;
        return out;
    }

private:
    void skip_space() {
        while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }

    bool array(std::string& out) {
        skip_space();
        if (pos_ >= text_.size() || text_[pos_] != '{') return false;
        ++pos_;
        out += '{';
        skip_space();
        if (pos_ < text_.size() && text_[pos_] == '}') {
            ++pos_;
            out += '}';
            return true;
        }
        while (true) {
            skip_space();
            if (pos_ < text_.size() && text_[pos_] == '{') {
                if (!array(out)) return false;
            } else if (!element(out)) {
                return false;
            }
            skip_space();
            if (pos_ >= text_.size()) return false;
            const char c = text_[pos_++];
            if (c == '}') break;
            if (c != ',') return false;
            out += ',';
        }
        out += '}';
        return true;
    }

    bool element(std::string& out) {
        std::string value;
        bool quoted = false;
        if (pos_ < text_.size() && text_[pos_] == '"') {
            quoted = true;
            ++pos_;
            while (pos_ < text_.size() && text_[pos_] != '"') {
                if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
                value += text_[pos_++];
            }
            if (pos_ >= text_.size()) return false;
            ++pos_;
        } else {
            while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}') {
                if (text_[pos_] == '"' || text_[pos_] == '{') return false;
                value += text_[pos_++];
            }
            while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
            if (value.empty()) return false;
        }
        if (boolean_ && (value == "true" || value == "false")) value = value.substr(0, 1);
        std::string upper;
        for (char c : value) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!quoted && upper == "NULL") {
            out += "NULL";
            return true;
        }
        bool needs_quotes = value.empty() || upper == "NULL";
        for (char c : value) {
            needs_quotes = needs_quotes || c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' ||
                           std::isspace(static_cast<unsigned char>(c));
        }
        if (!needs_quotes) {
            out += value;
            return true;
        }
        out += '"';
        for (char c : value) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        out += '"';
        return true;
    }

    const std::string& text_;
    bool boolean_;
    std::size_t pos_ = 0;
};

}  // namespace

std::optional<PgLiteral> pg_split_literal(const std::string& value) {
    if (value.size() < 2 || value.front() != '\'') return std::nullopt;
    static const std::regex kCasts(R"((::[A-Za-z_][\w ]*(\(\d+(, ?\d+)?\))?(\[\])*)*)");
    std::size_t close = value.size() - 1;
    if (value.back() != '\'') {
        close = value.rfind("'::");
        if (close == std::string::npos || close == 0) return std::nullopt;
    }
    std::string casts = value.substr(close + 1);
    if (!std::regex_match(casts, kCasts)) return std::nullopt;
    return PgLiteral{value.substr(1, close - 1), std::move(casts)};
}

bool pg_literal_well_quoted(const std::string& body) {
    for (std::size_t i = 0; i < body.size(); ++i) {
        if (body[i] != '\'') continue;
        if (i + 1 >= body.size() || body[i + 1] != '\'') return false;
        ++i;
    }
    return true;
}

std::string pg_unquote_literal_body(const std::string& body) {
    std::string out;
    for (std::size_t i = 0; i < body.size(); ++i) {
        out += body[i];
        if (body[i] == '\'' && i + 1 < body.size() && body[i + 1] == '\'') ++i;
    }
    return out;
}

std::optional<std::string> pg_canonical_array_literal(const std::string& text, bool boolean) {
    return ArrayLiteral(text, boolean).canonical();
}

}  // namespace drizzle
