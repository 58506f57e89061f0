// Tokens and the recursive-descent parser of the C++ subset schema headers are written in.
#include "dsl/reader/header_syntax.hpp"

#include "dsl/reserved_names.hpp"

#include <charconv>
#include <climits>
#include <cstring>

namespace drizzle::dsl::reader {

std::string place_text(const Place& where) {
    return (where.file != nullptr ? *where.file : std::string("<header>")) + ":" + std::to_string(where.line);
}

namespace {

struct Token {
    enum class Kind { identifier, integer, floating, string, punct, directive, end };
    Kind kind = Kind::end;
    std::string text; ///< identifier, punctuator, directive body, or a string's bytes
    std::int64_t integer = 0;
    bool wide = false;
    double floating = 0;
    int line = 0;
};

bool is_identifier_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_identifier_char(char c) {
    return is_identifier_start(c) || (c >= '0' && c <= '9');
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

class Lexer {
public:
    Lexer(const std::string& text, const std::string& file) : text_(text), file_(file) { check_line_ends(); }

    /// The next token (Kind::end at the end of the text).
    Token next() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') {
                ++line_;
                ++pos_;
                line_start_ = true;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f') {
                ++pos_;
                continue;
            }
            if (c == '\\') fail("a backslash outside a string literal (line splicing)");
            if (c == '/' && peek(1) == '/') {
                skip_line_comment();
                continue;
            }
            if (c == '/' && peek(1) == '*') {
                skip_block_comment();
                continue;
            }
            if (c == '#') {
                if (!line_start_) fail("'#' inside a line");
                return directive();
            }
            line_start_ = false;
            return token();
        }
        Token end;
        end.line = line_;
        return end;
    }

private:
    /// The compiler's first phases, which a token-level reader would not see: a backslash before
    /// a line end (with blanks between, which GCC allows) splices two lines, in comments and
    /// literals too; a carriage return alone ends a line.
    void check_line_ends() {
        int line = 1;
        for (std::size_t i = 0; i < text_.size(); ++i) {
            const char c = text_[i];
            if (c == '\n') ++line;
            if (c == '\r' && (i + 1 >= text_.size() || text_[i + 1] != '\n')) {
                line_ = line;
                fail("a carriage return that is not part of a CR LF line end");
            }
            if (c != '\\') continue;
            std::size_t j = i + 1;
            while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t' || text_[j] == '\v' || text_[j] == '\f'))
                ++j;
            if (j < text_.size() && (text_[j] == '\n' || text_[j] == '\r')) {
                line_ = line;
                fail("a backslash at the end of a line (line splicing)");
            }
        }
    }

    char peek(std::size_t ahead) const { return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0'; }

    [[noreturn]] void fail(const std::string& what) const {
        throw Unsupported(file_ + ":" + std::to_string(line_) + ": " + what);
    }

    void skip_line_comment() {
        while (pos_ < text_.size() && text_[pos_] != '\n')
            ++pos_;
    }

    void skip_block_comment() {
        const auto end = text_.find("*/", pos_ + 2);
        if (end == std::string::npos) fail("an unterminated comment");
        for (std::size_t i = pos_; i < end; ++i)
            if (text_[i] == '\n') ++line_;
        pos_ = end + 2;
    }

    Token directive() {
        Token token;
        token.kind = Token::Kind::directive;
        token.line = line_;
        const auto end = text_.find('\n', pos_);
        std::string body = text_.substr(pos_ + 1, (end == std::string::npos ? text_.size() : end) - pos_ - 1);
        if (body.find("/*") != std::string::npos) fail("a comment inside a directive");
        if (const auto comment = body.find("//"); comment != std::string::npos) body.erase(comment);
        const auto first = body.find_first_not_of(" \t\r");
        const auto last = body.find_last_not_of(" \t\r");
        token.text = first == std::string::npos ? "" : body.substr(first, last - first + 1);
        pos_ = end == std::string::npos ? text_.size() : end;
        return token;
    }

    Token token() {
        Token token;
        token.line = line_;
        const char c = text_[pos_];
        if (is_identifier_start(c)) {
            const std::size_t start = pos_;
            while (pos_ < text_.size() && is_identifier_char(text_[pos_]))
                ++pos_;
            token.text = text_.substr(start, pos_ - start);
            if (pos_ < text_.size() && (text_[pos_] == '"' || text_[pos_] == '\'')) {
                if (token.text != "R" || text_[pos_] != '"') fail("a prefixed literal (" + token.text + "\"...\")");
                token.kind = Token::Kind::string;
                token.text = raw_string();
                return token;
            }
            token.kind = Token::Kind::identifier;
            return token;
        }
        if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return number();
        if (c == '"') {
            token.kind = Token::Kind::string;
            token.text = string_literal();
            return token;
        }
        if (c == '\'') fail("a character literal");
        token.kind = Token::Kind::punct;
        if (c == ':' && peek(1) == ':') {
            token.text = "::";
            pos_ += 2;
            return token;
        }
        if (std::strchr("(){}[],;=.-", c) == nullptr || c == '\0') fail(std::string("the character '") + c + "'");
        if (c == '-' && peek(1) == '-') fail("the operator --");
        token.text = std::string(1, c);
        ++pos_;
        return token;
    }

    Token number() {
        Token token;
        token.line = line_;
        const std::size_t start = pos_;
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if ((c == '+' || c == '-') && pos_ > start && (text_[pos_ - 1] == 'e' || text_[pos_ - 1] == 'E')) {
                ++pos_;
                continue;
            }
            if (!is_identifier_char(c) && c != '.' && c != '\'') break;
            ++pos_;
        }
        const std::string spelling = text_.substr(start, pos_ - start);
        bool digits_only = true;
        for (char d : spelling)
            digits_only = digits_only && is_digit(d);
        if (digits_only) {
            if (spelling.size() > 1 && spelling[0] == '0') fail("an octal literal (" + spelling + ")");
            std::uint64_t value = 0;
            const auto [end, error] = std::from_chars(spelling.data(), spelling.data() + spelling.size(), value);
            if (error != std::errc() || end != spelling.data() + spelling.size() ||
                value > static_cast<std::uint64_t>(INT64_MAX))
                fail("an integer literal too large for long (" + spelling + ")");
            token.kind = Token::Kind::integer;
            token.integer = static_cast<std::int64_t>(value);
            token.wide = value > static_cast<std::uint64_t>(INT_MAX);
            return token;
        }
        // A decimal floating literal without suffix: digits, one point and/or an exponent.
        bool point = false, exponent = false, valid = true;
        for (std::size_t i = 0; i < spelling.size() && valid; ++i) {
            const char d = spelling[i];
            if (is_digit(d)) continue;
            if (d == '.' && !point && !exponent) {
                point = true;
            } else if ((d == 'e' || d == 'E') && !exponent && i + 1 < spelling.size()) {
                exponent = true;
                if (spelling[i + 1] == '+' || spelling[i + 1] == '-') ++i;
                valid = i + 1 < spelling.size();
            } else {
                valid = false;
            }
        }
        if (!valid || !(point || exponent)) fail("the number literal " + spelling);
        double value = 0;
        const auto [end, error] = std::from_chars(spelling.data(), spelling.data() + spelling.size(), value);
        if (error != std::errc() || end != spelling.data() + spelling.size()) fail("the number literal " + spelling);
        token.kind = Token::Kind::floating;
        token.floating = value;
        return token;
    }

    std::string string_literal() {
        std::string out;
        ++pos_; // opening quote
        while (true) {
            if (pos_ >= text_.size() || text_[pos_] == '\n') fail("an unterminated string literal");
            const char c = text_[pos_++];
            if (c == '"') return out;
            if (c != '\\') {
                out += c;
                continue;
            }
            const char e = pos_ < text_.size() ? text_[pos_++] : '\0';
            switch (e) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case 'r':
                out += '\r';
                break;
            case 'a':
                out += '\a';
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'v':
                out += '\v';
                break;
            case '\\':
                out += '\\';
                break;
            case '"':
                out += '"';
                break;
            case '\'':
                out += '\'';
                break;
            case '?':
                out += '?';
                break;
            default:
                if (e >= '0' && e <= '7') {
                    unsigned value = static_cast<unsigned>(e - '0');
                    for (int digits = 1; digits < 3 && pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '7';
                         ++digits)
                        value = value * 8 + static_cast<unsigned>(text_[pos_++] - '0');
                    if (value > 0xFF) fail("an octal escape above \\377");
                    if (value == 0) fail("a NUL byte in a string literal");
                    out += static_cast<char>(value);
                    break;
                }
                fail(std::string("the escape \\") + e + " in a string literal");
            }
        }
    }

    std::string raw_string() {
        ++pos_; // the quote after R
        const auto open = text_.find('(', pos_);
        if (open == std::string::npos || open - pos_ > 16) fail("a raw string literal without its '('");
        const std::string delimiter = text_.substr(pos_, open - pos_);
        for (char d : delimiter)
            if (d == ' ' || d == ')' || d == '\\' || d == '\t' || d == '\n' || d == '"') fail("a raw string delimiter");
        const std::string closing = ")" + delimiter + "\"";
        const auto close = text_.find(closing, open + 1);
        if (close == std::string::npos) fail("an unterminated raw string literal");
        std::string body = text_.substr(open + 1, close - open - 1);
        // The compiler reads a source line end as one '\n' and keeps a backslash-newline: only
        // plain line feeds and text without NUL bytes mean the same to both.
        if (body.find('\r') != std::string::npos || body.find('\0') != std::string::npos)
            fail("a raw string literal holding a carriage return or NUL byte");
        for (char d : body)
            if (d == '\n') ++line_;
        pos_ = close + closing.size();
        return body;
    }

    const std::string& text_;
    const std::string& file_;
    std::size_t pos_ = 0;
    int line_ = 1;
    bool line_start_ = true;
};

} // namespace

/// Parses declarations one at a time, reading tokens as it goes: the tree of one declaration is
/// all it holds (a 1000-table header is a megabyte of text).
class HeaderParser::Parser {
public:
    Parser(const std::string& text, const std::string& file) : lexer_(text, file), file_(file) {
        current_ = lexer_.next();
    }

    /// The next declaration, or nullopt at the end of the file.
    std::optional<Declaration> next() {
        auto d = next_declaration();
        if (d && d->kind != Declaration::Kind::guard) anything_before_ = true;
        return d;
    }

    /// An include guard's name that only the file itself defines: upper case, not reserved, not
    /// one of the standard headers' or the DSL's macros.
    static bool plain_guard_name(const std::string& name) {
        if (name.empty() || !(name[0] >= 'A' && name[0] <= 'Z')) return false;
        for (char c : name)
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
        for (const char* taken :
             {"DRIZZLE_", "INT", "UINT", "SIZE_", "PTRDIFF_", "WCHAR_", "WINT_", "SIG_ATOMIC_", "NULL"})
            if (name.rfind(taken, 0) == 0) return false;
        return name.find("__") == std::string::npos;
    }

    /// A name a variable may have: not a keyword, the DSL's or the C library's (the list `pull`
    /// avoids), not reserved for the implementation, not a would-be macro of the standard headers.
    static bool plain_name(const std::string& name) {
        if (detail::is_reserved_identifier(name)) return false;
        if (name[0] == '_' && (name.size() == 1 || name[1] == '_' || (name[1] >= 'A' && name[1] <= 'Z'))) return false;
        if (name.find("__") != std::string::npos) return false;
        bool upper = true;
        for (char c : name)
            upper = upper && !(c >= 'a' && c <= 'z');
        // Upper-case names may be macros of the standard headers the DSL includes (INT64_MAX).
        return !upper;
    }

    std::optional<Declaration> next_declaration() {
        while (current().kind != Token::Kind::end) {
            if (current().kind == Token::Kind::directive) {
                if (auto d = directive()) return d;
                continue;
            }
            if (is_punct(";")) {
                advance();
                continue;
            }
            if (is_punct("}")) {
                if (namespaces_ == 0) fail("a '}' that closes no namespace");
                --namespaces_;
                Declaration close = declaration(Declaration::Kind::close_namespace);
                advance();
                return close;
            }
            if (is_identifier("namespace")) {
                Declaration open = declaration(Declaration::Kind::open_namespace);
                advance();
                if (current().kind == Token::Kind::identifier) qualified_name(open.qualifiers, open.text);
                if (!open.qualifiers.empty() && open.qualifiers.front().empty()) fail("a namespace named from ::");
                expect("{");
                ++namespaces_;
                return open;
            }
            if (is_identifier("using")) {
                Declaration using_directive = declaration(Declaration::Kind::using_namespace);
                advance();
                if (!is_identifier("namespace")) fail("a using-declaration (only `using namespace` is read)");
                advance();
                qualified_name(using_directive.qualifiers, using_directive.text);
                expect(";");
                return using_directive;
            }
            return variable();
        }
        if (namespaces_ != 0) fail("a namespace left open");
        if (guards_ != 0) fail("an #ifndef without its #endif");
        return std::nullopt;
    }

private:
    const Token& current() const { return current_; }
    void advance() {
        if (current_.kind != Token::Kind::end) current_ = lexer_.next();
    }
    bool is_punct(const char* text) const { return current().kind == Token::Kind::punct && current().text == text; }
    bool is_identifier(const char* text) const {
        return current().kind == Token::Kind::identifier && current().text == text;
    }
    Place here() const { return {&file_, current().line}; }

    [[noreturn]] void fail(const std::string& what) const {
        throw Unsupported(file_ + ":" + std::to_string(current().line) + ": " + what);
    }
    void expect(const char* punct) {
        if (!is_punct(punct)) {
            fail(
                std::string("expected '") + punct + "' but found " +
                (current().kind == Token::Kind::end ? std::string("the end of the file") : "'" + current().text + "'"));
        }
        advance();
    }
    std::string identifier() {
        if (current().kind != Token::Kind::identifier) fail("expected a name");
        std::string name = current().text;
        advance();
        return name;
    }
    Declaration declaration(Declaration::Kind kind) const {
        Declaration d;
        d.kind = kind;
        d.where = here();
        return d;
    }

    void qualified_name(std::vector<std::string>& qualifiers, std::string& last) {
        if (is_punct("::")) {
            qualifiers.push_back("");
            advance();
        }
        last = identifier();
        while (is_punct("::")) {
            advance();
            qualifiers.push_back(last);
            last = identifier();
        }
    }

    static std::string trimmed(const std::string& text) {
        const auto first = text.find_first_not_of(" \t\r");
        if (first == std::string::npos) return "";
        return text.substr(first, text.find_last_not_of(" \t\r") - first + 1);
    }

    /// `#pragma once`, `#include`, and the classic include guard; any other directive stops.
    std::optional<Declaration> directive() {
        const std::string body = current().text;
        const auto word_end = body.find_first_of(" \t<\"");
        const std::string word = body.substr(0, word_end);
        const std::string rest = word_end == std::string::npos ? "" : trimmed(body.substr(word_end));
        if (word == "pragma" && rest == "once") {
            Declaration once = declaration(Declaration::Kind::guard);
            advance();
            return once;
        }
        if (word == "include") {
            Declaration include = declaration(Declaration::Kind::include);
            if (rest.size() >= 2 &&
                ((rest.front() == '<' && rest.back() == '>') || (rest.front() == '"' && rest.back() == '"'))) {
                include.angled = rest.front() == '<';
                include.text = rest.substr(1, rest.size() - 2);
                advance();
                return include;
            }
            fail("the directive #" + body);
        }
        if (word == "ifndef" && !rest.empty()) {
            // An include guard: first in the file, around all of it, and named so that nothing
            // (the compiler, the standard or DSL headers, -D flags) can have defined it already.
            Declaration guard = declaration(Declaration::Kind::guard);
            guard.text = rest;
            if (anything_before_ || guards_ != 0) fail("an #ifndef that is not the file's include guard");
            if (!plain_guard_name(rest)) fail("the include guard name " + rest + " (it could be defined already)");
            advance();
            if (current().kind != Token::Kind::directive || trimmed(current().text) != "define " + rest)
                fail("an #ifndef that is not an include guard");
            advance();
            ++guards_;
            return guard;
        }
        if (word == "endif" && rest.empty() && guards_ > 0) {
            --guards_;
            advance();
            if (current().kind != Token::Kind::end) fail("text after the include guard's #endif");
            return std::nullopt;
        }
        fail("the directive #" + body);
    }

    /// `[inline] [static] [const] auto name = initializer;`
    Declaration variable() {
        Declaration d = declaration(Declaration::Kind::variable);
        bool saw_auto = false;
        std::string specifiers;
        while (current().kind == Token::Kind::identifier && !saw_auto) {
            const std::string& word = current().text;
            if (word == "auto") {
                saw_auto = true;
            } else if (word != "inline" && word != "static" && word != "const") {
                fail("'" + word + "' (the reader reads `inline const auto name = ...;` declarations)");
            } else if (specifiers.find(" " + word + " ") != std::string::npos) {
                fail("'" + word + "' twice");
            }
            specifiers += " " + word + " ";
            advance();
        }
        if (!saw_auto) {
            fail(current().kind == Token::Kind::end ? std::string("a declaration cut short")
                                                    : "'" + current().text + "' at namespace scope");
        }
        d.text = identifier();
        if (!plain_name(d.text))
            fail("the variable name " + d.text + " (a keyword, a name of the DSL or the C library, or reserved)");
        expect("=");
        d.initializer = expression();
        expect(";");
        return d;
    }

    /// Nesting beyond this (a pathological header) stops the reader before the stack does.
    static constexpr int kMaxDepth = 200;
    struct Deeper {
        Parser& parser;
        explicit Deeper(Parser& p) : parser(p) {
            if (++parser.depth_ > kMaxDepth) parser.fail("expressions nested more than 200 deep");
        }
        ~Deeper() { --parser.depth_; }
    };

    Expr expression() {
        Deeper deeper(*this);
        if (is_punct("-")) {
            const Place where = here();
            advance();
            Expr operand = expression();
            if (operand.kind == Expr::Kind::integer) {
                operand.integer = -operand.integer;
            } else if (operand.kind == Expr::Kind::floating) {
                operand.floating = -operand.floating;
            } else {
                fail("'-' before something that is not a number literal");
            }
            operand.where = where;
            return operand;
        }
        return postfix();
    }

    Expr postfix() {
        Expr expr = primary();
        // A chain of calls nests its tree (and the readers that walk it) one level per link.
        for (int links = depth_;; ++links) {
            if (links > kMaxDepth) fail("a chain of more than 200 calls");
            if (is_punct("(")) {
                Expr call;
                call.kind = Expr::Kind::call;
                call.where = expr.where;
                advance();
                call.children.push_back(std::move(expr));
                if (!is_punct(")")) {
                    call.children.push_back(expression());
                    while (is_punct(",")) {
                        advance();
                        call.children.push_back(expression());
                    }
                }
                expect(")");
                expr = std::move(call);
            } else if (is_punct(".")) {
                advance();
                Expr member;
                member.kind = Expr::Kind::member;
                member.where = here();
                member.text = identifier();
                member.children.push_back(std::move(expr));
                expr = std::move(member);
            } else if (is_punct("[")) {
                advance();
                Expr index;
                index.kind = Expr::Kind::index;
                index.where = expr.where;
                index.children.push_back(std::move(expr));
                index.children.push_back(expression());
                expect("]");
                expr = std::move(index);
            } else {
                return expr;
            }
        }
    }

    Expr primary() {
        Expr expr;
        expr.where = here();
        const Token& token = current();
        switch (token.kind) {
        case Token::Kind::string:
            expr.kind = Expr::Kind::string;
            while (current().kind == Token::Kind::string) {
                expr.text += current().text;
                advance();
            }
            return expr;
        case Token::Kind::integer:
            expr.kind = Expr::Kind::integer;
            expr.integer = token.integer;
            expr.wide = token.wide;
            advance();
            return expr;
        case Token::Kind::floating:
            expr.kind = Expr::Kind::floating;
            expr.floating = token.floating;
            advance();
            return expr;
        case Token::Kind::identifier:
            if (token.text == "true" || token.text == "false") {
                expr.kind = Expr::Kind::boolean;
                expr.boolean = token.text == "true";
                advance();
                return expr;
            }
            expr.kind = Expr::Kind::name;
            qualified_name(expr.qualifiers, expr.text);
            return expr;
        case Token::Kind::punct:
            if (token.text == "::") {
                expr.kind = Expr::Kind::name;
                qualified_name(expr.qualifiers, expr.text);
                return expr;
            }
            if (token.text == "(") {
                advance();
                Expr inner = expression();
                expect(")");
                if (inner.kind == Expr::Kind::braced) fail("a braced list in parentheses");
                inner.parenthesized = true;
                return inner;
            }
            if (token.text == "{") return braced();
            if (token.text == "[") return lambda();
            break;
        default:
            break;
        }
        fail(token.kind == Token::Kind::end ? std::string("an expression cut short")
                                            : "'" + token.text + "' where a value belongs");
    }

    /// `{a, b}` or `{.x = a, .y = b}` (a trailing comma allowed).
    Expr braced() {
        Expr list;
        list.kind = Expr::Kind::braced;
        list.where = here();
        expect("{");
        while (!is_punct("}")) {
            if (is_punct(".")) {
                advance();
                const std::string field = identifier();
                if (!is_punct("=")) fail("a designator without '=' (." + field + ")");
                advance();
                if (list.designators.size() != list.children.size()) fail("designated and positional values mixed");
                list.designators.push_back(field);
            } else if (!list.designators.empty()) {
                fail("designated and positional values mixed");
            }
            list.children.push_back(expression());
            if (!is_punct(",")) break;
            advance();
        }
        expect("}");
        return list;
    }

    /// `[] { return expression; }()` or `[]() { ... }()`: a table built in a function of its own.
    Expr lambda() {
        Expr call;
        call.kind = Expr::Kind::lambda;
        call.where = here();
        expect("[");
        expect("]");
        if (is_punct("(")) {
            advance();
            expect(")");
        }
        expect("{");
        if (!is_identifier("return")) fail("a lambda whose body is not one return statement");
        advance();
        call.children.push_back(expression());
        if (call.children.back().kind == Expr::Kind::braced) fail("a lambda returning a braced list");
        expect(";");
        expect("}");
        expect("(");
        expect(")");
        return call;
    }

    Lexer lexer_;
    const std::string& file_;
    Token current_;
    int namespaces_ = 0;
    int guards_ = 0;
    int depth_ = 0;
    bool anything_before_ = false; ///< a declaration or directive before a would-be include guard
};

HeaderParser::HeaderParser(const std::string& text, const std::string& file)
    : parser_(std::make_unique<Parser>(text, file)) {}
HeaderParser::~HeaderParser() = default;

std::optional<Declaration> HeaderParser::next() {
    return parser_->next();
}

} // namespace drizzle::dsl::reader
