// Evaluates drizzle.config.ts/.js without a JS engine: literals, objects, arrays, process.env.
#include "config/config_detail.hpp"
#include "config/ts_lexer.hpp"
#include "drizzle/error.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <sstream>

namespace drizzle::config_detail {

namespace {

namespace fs = std::filesystem;

/// A JS value; std::nullopt is `undefined` (a key holding it is dropped, as JSON.stringify does).
using Value = std::optional<Json>;

constexpr const char* kSupported = "only literals, objects, arrays and process.env.X are supported";
constexpr const char* kShape =
    "a config file may hold imports, constants and 'export default {...}' or "
    "'export default defineConfig({...})'";

/// Where an imported name comes from: `import { config as load } from 'dotenv'` gives
/// load -> {dotenv, config}; namespace and default imports use "*" and "default".
/// A read of a process.env variable that is not set, and the config key it left out ("" for a
/// `const` binding until the binding is used).
struct UnsetRead {
    std::string name;
    std::size_t offset = 0;
    std::string key;
};

struct ImportedName {
    std::string module;
    std::string imported;
};

bool truthy(const Value& v) {
    if (!v || v->is_null()) return false;
    if (v->is_boolean()) return v->get<bool>();
    if (v->is_string()) return !v->get_ref<const std::string&>().empty();
    if (v->is_number()) {
        double d = v->get<double>();
        return d != 0 && !std::isnan(d);
    }
    return true;  // objects and arrays
}

/// JS numbers are doubles; integral ones become JSON integers so `port: 5432.0` is a port.
Json number_json(double d) {
    if (std::isfinite(d) && std::floor(d) == d && std::fabs(d) < 9.007199254740992e15) {
        return Json(static_cast<std::int64_t>(d));
    }
    return Json(d);
}

bool is_keyword(const std::string& name) {
    static constexpr std::array<std::string_view, 22> words = {
        "function", "class",     "new",   "async",   "await",     "typeof", "void",  "delete",
        "if",       "for",       "while", "return",  "switch",    "try",    "throw", "do",
        "type",     "interface", "enum",  "declare", "namespace", "yield"};
    return std::find(words.begin(), words.end(), name) != words.end();
}

class Parser {
public:
    Parser(std::string_view source, const std::string& label, const EnvLookup& env, const fs::path& cwd)
        : src_(source), label_(label), env_(env), cwd_(cwd), toks_(tokenize_ts(source, label)) {}

    TsConfigResult run() {
        while (peek().kind != TokenKind::end) statement();
        if (!has_default_) {
            throw UserError(label_ +
                            ": no default export found; write 'export default {...}' or "
                            "'export default defineConfig({...})'");
        }
        report_unset();
        return TsConfigResult{std::move(default_), std::move(dotenv_), std::move(warnings_), std::move(unset_keys_)};
    }

private:
    // ---- tokens ---------------------------------------------------------------------------

    const Token& peek(std::size_t ahead = 0) const { return toks_[std::min(i_ + ahead, toks_.size() - 1)]; }
    const Token& next() {
        const Token& t = toks_[i_];
        if (i_ + 1 < toks_.size()) ++i_;
        return t;
    }
    static bool is_punct(const Token& t, std::string_view p) {
        return t.kind == TokenKind::punct && t.text == p;
    }
    static bool is_ident(const Token& t, std::string_view name) {
        return t.kind == TokenKind::identifier && t.text == name;
    }
    bool accept_punct(std::string_view p) {
        if (!is_punct(peek(), p)) return false;
        next();
        return true;
    }
    void expect_punct(std::string_view p, const std::string& context) {
        if (!accept_punct(p)) {
            fail(peek(), "expected '" + std::string(p) + "' " + context + ", found " + describe(peek()));
        }
    }
    const Token& expect_identifier(const std::string& context) {
        if (peek().kind != TokenKind::identifier) {
            fail(peek(), "expected a name " + context + ", found " + describe(peek()));
        }
        return next();
    }

    [[noreturn]] void fail(const Token& at, const std::string& message) const {
        throw UserError(located(src_, label_, at.offset, message));
    }
    [[noreturn]] void unsupported(const Token& at, const std::string& what) const {
        fail(at, "unsupported expression: " + what + "; " + kSupported);
    }

    // Never quotes string contents: a string may be a password.
    static std::string describe(const Token& t) {
        switch (t.kind) {
        case TokenKind::end: return "end of file";
        case TokenKind::identifier: return "'" + t.text + "'";
        case TokenKind::string: return "a string";
        case TokenKind::template_head:
        case TokenKind::template_middle:
        case TokenKind::template_tail: return "a template literal";
        case TokenKind::number: return "number " + t.text;
        case TokenKind::punct: return "'" + t.text + "'";
        }
        return "?";
    }

    // `a.b.c(` at the cursor -> "a.b.c"; std::nullopt when the tokens are not a call.
    std::optional<std::string> call_name_ahead() const {
        if (peek().kind != TokenKind::identifier) return std::nullopt;
        std::string name = peek().text;
        std::size_t k = 1;
        while ((is_punct(peek(k), ".") || is_punct(peek(k), "?.")) &&
               peek(k + 1).kind == TokenKind::identifier) {
            name += "." + peek(k + 1).text;
            k += 2;
        }
        if (!is_punct(peek(k), "(")) return std::nullopt;
        return name;
    }

    // ---- environment ----------------------------------------------------------------------

    // JS makes a key holding an unset variable vanish, which would surface as a vague "url is
    // required" far away, or silently as a default. Each such key is recorded for the error
    // that needs it; a warning is printed too, except for dbCredentials, which only commands
    // that connect need (generate runs without a database URL in many setups) and whose
    // "required" errors carry the record.
    void report_unset() {
        std::set<std::pair<std::string, std::string>> seen;
        for (const auto& read : unset_) {
            if (!seen.insert({read.name, read.key}).second) continue;
            auto pos = position_of(src_, read.offset);
            std::string where = label_ + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column);
            std::string text = where + ": process.env." + read.name + " is not set (in the environment" +
                               (dotenv_loaded_ ? " or the .env file" : "") + ")";
            if (!read.key.empty()) {
                text += ", so '" + read.key + "' is left out";
                unset_keys_.emplace(read.key, "process.env." + read.name + " (" + where + ") is not set");
            }
            if (!read.key.starts_with("dbCredentials.")) warnings_.push_back(text);
        }
    }

    std::string key_path() const {
        std::string path;
        for (const auto& key : path_) path += (path.empty() ? "" : ".") + key;
        return path;
    }

    std::optional<std::string> lookup_env(const std::string& name) const {
        return lookup_with_dotenv(dotenv_, env_, name);
    }

    // dotenv: a missing file is silently skipped, as the package does; the first file that sets
    // a variable wins unless `override` is on.
    void load_dotenv(const std::vector<std::string>& paths, bool override) {
        for (const auto& p : paths) {
            fs::path file = fs::path(p).is_absolute() ? fs::path(p) : cwd_ / p;
            std::ifstream in(file, std::ios::binary);
            if (!in) continue;
            std::ostringstream text;
            text << in.rdbuf();
            dotenv_loaded_ = true;
            for (auto& [key, value] : parse_dotenv(text.str())) {
                if (override) {
                    dotenv_.override[key] = value;
                } else {
                    dotenv_.fallback.emplace(key, value);
                }
            }
        }
    }

    // After `config` of dotenv: `(options?)`, options being {path?, override?}.
    void dotenv_call() {
        expect_punct("(", "after config");
        std::vector<std::string> paths{".env"};
        bool override = false;
        if (!is_punct(peek(), ")")) {
            const Token& at = peek();
            Value options = expression();
            if (options && !options->is_object()) fail(at, "dotenv's config() takes an options object");
            if (options && options->contains("path")) {
                const Json& path = (*options)["path"];
                paths.clear();
                if (path.is_string()) {
                    paths.push_back(path.get<std::string>());
                } else if (path.is_array() && std::all_of(path.begin(), path.end(),
                                                          [](const Json& p) { return p.is_string(); })) {
                    for (const auto& p : path) paths.push_back(p.get<std::string>());
                } else {
                    fail(at, "dotenv's 'path' option must be a string or an array of strings");
                }
            }
            if (options && options->contains("override")) override = truthy((*options)["override"]);
            accept_punct(",");
        }
        expect_punct(")", "to close config(");
        load_dotenv(paths, override);
    }

    // ---- statements -----------------------------------------------------------------------

    void statement() {
        const Token& t = peek();
        if (accept_punct(";") || type_declaration()) return;
        if (is_ident(t, "import") && !is_punct(peek(1), "(") && !is_punct(peek(1), ".")) {
            import_declaration();
        } else if (is_ident(t, "export")) {
            next();
            if (is_ident(peek(), "default")) {
                const Token& at = next();
                set_default(expression(), at);
                accept_punct(";");
            } else if (is_ident(peek(), "const") || is_ident(peek(), "let") || is_ident(peek(), "var")) {
                variable_declaration();
            } else if (!type_declaration()) {
                fail(peek(), "unsupported export of " + describe(peek()) + "; " + kShape);
            }
        } else if (is_ident(t, "const") || is_ident(t, "let") || is_ident(t, "var")) {
            variable_declaration();
        } else if (is_ident(t, "module") && is_punct(peek(1), ".") && is_ident(peek(2), "exports")) {
            next();
            next();
            next();
            expect_punct("=", "after module.exports");
            set_default(expression(), t);
            accept_punct(";");
        } else if (t.kind == TokenKind::identifier && !is_keyword(t.text)) {
            expression_statement();
        } else {
            fail(t, "unsupported statement starting with " + describe(t) + "; " + kShape);
        }
    }

    // `type X = ...;` and `interface X {...}` only describe types: skipped.
    bool type_declaration() {
        if (is_ident(peek(), "type") && peek(1).kind == TokenKind::identifier &&
            (is_punct(peek(2), "=") || is_punct(peek(2), "<"))) {
            next();
            next();
            if (is_punct(peek(), "<")) skip_balanced("<", ">");
            expect_punct("=", "in the type alias");
            skip_type();
            accept_punct(";");
            return true;
        }
        if (is_ident(peek(), "interface") && peek(1).kind == TokenKind::identifier) {
            const Token& start = next();
            while (!is_punct(peek(), "{")) {
                if (peek().kind == TokenKind::end) fail(start, "interface without a body");
                next();
            }
            skip_balanced("{", "}");
            return true;
        }
        return false;
    }

    void set_default(Value value, const Token& at) {
        if (has_default_) fail(at, "more than one default export");
        if (!value) fail(at, "the default export is undefined");
        default_ = std::move(*value);
        has_default_ = true;
    }

    // import 'm' | import x, { a as b, type C } from 'm' | import * as x from 'm' | import type ...
    void import_declaration() {
        const Token& start = next();
        if (peek().kind == TokenKind::string) {
            side_effect_import(next().text, start);
            accept_punct(";");
            return;
        }
        std::vector<std::pair<std::string, std::string>> names;  // local, imported
        bool type_only = is_ident(peek(), "type") && !is_ident(peek(1), "from") && !is_punct(peek(1), ",");
        if (type_only) next();
        do {
            if (accept_punct("*")) {
                if (!is_ident(next(), "as")) fail(peek(), "expected 'as' after 'import *'");
                names.emplace_back(expect_identifier("after 'import * as'").text, "*");
            } else if (accept_punct("{")) {
                while (!accept_punct("}")) {
                    if (is_ident(peek(), "type") && peek(1).kind == TokenKind::identifier &&
                        !is_ident(peek(1), "as")) {
                        next();
                    }
                    const Token& imported = next();
                    if (imported.kind != TokenKind::identifier && imported.kind != TokenKind::string) {
                        fail(imported, "expected an imported name, found " + describe(imported));
                    }
                    std::string local = imported.text;
                    if (is_ident(peek(), "as")) {
                        next();
                        local = expect_identifier("after 'as'").text;
                    }
                    names.emplace_back(local, imported.text);
                    if (!accept_punct(",") && !is_punct(peek(), "}")) {
                        fail(peek(), "expected ',' or '}' in the import list, found " + describe(peek()));
                    }
                }
            } else {
                names.emplace_back(expect_identifier("after 'import'").text, "default");
            }
        } while (accept_punct(","));
        if (!is_ident(peek(), "from"))
            fail(peek(), "expected 'from' in the import, found " + describe(peek()));
        next();
        if (peek().kind != TokenKind::string) fail(peek(), "expected a module name after 'from'");
        std::string module = next().text;
        if (!type_only) {
            for (auto& [local, imported] : names) imports_[local] = ImportedName{module, imported};
        }
        accept_punct(";");
    }

    void side_effect_import(const std::string& module, const Token& at) {
        if (module == "dotenv/config") {
            load_dotenv({".env"}, false);
            return;
        }
        auto pos = position_of(src_, at.offset);
        warnings_.push_back(label_ + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
                            ": import '" + module +
                            "' is not run; drizzle-cpp reads the config without "
                            "executing it");
    }

    // `require('m')` at the cursor: consumes it and returns 'm'.
    std::optional<std::string> try_require() {
        if (!is_ident(peek(), "require") || !is_punct(peek(1), "(") || peek(2).kind != TokenKind::string ||
            !is_punct(peek(3), ")")) {
            return std::nullopt;
        }
        next();
        next();
        std::string module = next().text;
        next();
        return module;
    }

    void variable_declaration() {
        next();  // const / let / var
        do {
            const Token& start = peek();
            if (accept_punct("{")) {
                // const { defineConfig } = require('drizzle-kit')
                std::vector<std::pair<std::string, std::string>> names;
                while (!accept_punct("}")) {
                    std::string imported = expect_identifier("in the destructuring pattern").text;
                    std::string local = imported;
                    if (accept_punct(":")) local = expect_identifier("after ':'").text;
                    names.emplace_back(local, imported);
                    if (!accept_punct(",") && !is_punct(peek(), "}")) {
                        fail(peek(),
                             "expected ',' or '}' in the destructuring pattern, found " + describe(peek()));
                    }
                }
                expect_punct("=", "after the destructuring pattern");
                auto module = try_require();
                if (!module)
                    fail(start, "destructuring is only supported for require(...); " + std::string(kShape));
                for (auto& [local, imported] : names) imports_[local] = ImportedName{*module, imported};
                continue;
            }
            std::string name = expect_identifier("after the declaration keyword").text;
            if (accept_punct(":")) skip_type();
            if (!accept_punct("=")) {
                bindings_[name] = std::nullopt;
                continue;
            }
            if (auto module = try_require()) {
                if (is_punct(peek(), ".")) {
                    // const env = require('dotenv').config()
                    next();
                    if (*module == "dotenv" && is_ident(peek(), "config")) {
                        next();
                        dotenv_call();
                        bindings_[name] = std::nullopt;
                        continue;
                    }
                    unsupported(start, "require('" + *module + "')." + peek().text);
                }
                imports_[name] = ImportedName{*module, "*"};
                if (*module == "dotenv/config") load_dotenv({".env"}, false);
                continue;
            }
            // Unset reads of a binding count where the binding is used, not where it is declared.
            const std::size_t mark = unset_.size();
            bindings_[name] = expression();
            binding_unset_[name].assign(unset_.begin() + static_cast<std::ptrdiff_t>(mark), unset_.end());
            unset_.resize(mark);
        } while (accept_punct(","));
        accept_punct(";");
    }

    // The only statements with effects worth reproducing: dotenv loading.
    void expression_statement() {
        const Token& start = peek();
        if (auto module = try_require()) {
            if (*module == "dotenv/config") {
                load_dotenv({".env"}, false);
                accept_punct(";");
                return;
            }
            if (*module == "dotenv" && is_punct(peek(), ".") && is_ident(peek(1), "config")) {
                next();
                next();
                dotenv_call();
                accept_punct(";");
                return;
            }
            fail(start, "unsupported statement: require('" + *module + "'); " + kShape);
        }
        if (auto it = imports_.find(start.text); it != imports_.end() && it->second.module == "dotenv") {
            if (it->second.imported == "config" && is_punct(peek(1), "(")) {
                next();
                dotenv_call();
                accept_punct(";");
                return;
            }
            if ((it->second.imported == "*" || it->second.imported == "default") && is_punct(peek(1), ".") &&
                is_ident(peek(2), "config") && is_punct(peek(3), "(")) {
                next();
                next();
                next();
                dotenv_call();
                accept_punct(";");
                return;
            }
        }
        if (auto call = call_name_ahead())
            fail(start, "unsupported statement: function call '" + *call + "(...)'; " + kShape);
        fail(start, "unsupported statement starting with " + describe(start) + "; " + kShape);
    }

    // ---- types (skipped) ------------------------------------------------------------------

    void skip_balanced(std::string_view open, std::string_view close) {
        const Token& start = peek();
        int depth = 0;
        do {
            const Token& t = next();
            if (t.kind == TokenKind::end) fail(start, "unclosed '" + std::string(open) + "' in a type");
            if (is_punct(t, open)) ++depth;
            if (is_punct(t, close)) --depth;
        } while (depth > 0);
    }

    void skip_type_operand() {
        while (is_ident(peek(), "keyof") || is_ident(peek(), "typeof") || is_ident(peek(), "readonly") ||
               is_ident(peek(), "unique")) {
            next();
        }
        const Token& t = peek();
        if (t.kind == TokenKind::identifier) {
            next();
            while (accept_punct(".")) expect_identifier("in the type name");
            if (is_punct(peek(), "<")) skip_balanced("<", ">");
        } else if (t.kind == TokenKind::string || t.kind == TokenKind::number) {
            next();
        } else if (is_punct(t, "{")) {
            skip_balanced("{", "}");
        } else if (is_punct(t, "[")) {
            skip_balanced("[", "]");
        } else if (is_punct(t, "(")) {
            skip_balanced("(", ")");
            if (accept_punct("=>")) skip_type_operand();
        } else {
            fail(t, "expected a type, found " + describe(t));
        }
        while (is_punct(peek(), "[")) skip_balanced("[", "]");
    }

    void skip_type() {
        accept_punct("|");
        do {
            skip_type_operand();
        } while (accept_punct("|") || accept_punct("&"));
    }

    // ---- expressions ----------------------------------------------------------------------

    Value expression() {
        const std::size_t mark = unset_.size();
        Value left = additive();
        while (is_punct(peek(), "??") || is_punct(peek(), "||")) {
            bool nullish = next().text == "??";
            const std::size_t right_mark = unset_.size();
            Value right = additive();
            if (nullish ? (!left || left->is_null()) : !truthy(left)) {
                // A fallback that gives a value rescues the unset variables before it.
                if (right) unset_.erase(unset_.begin() + static_cast<std::ptrdiff_t>(mark),
                                        unset_.begin() + static_cast<std::ptrdiff_t>(right_mark));
                left = std::move(right);
            } else {
                unset_.resize(right_mark);  // JS never evaluates the fallback
            }
        }
        const Token& t = peek();
        static constexpr std::array<std::string_view, 20> operators = {
            "+",   "-", "*", "/",  "%",  "&&", "?", "==", "===", "!=",
            "!==", "<", ">", "<=", ">=", "|",  "&", "**", "^",   "="};
        if ((t.kind == TokenKind::punct &&
             std::find(operators.begin(), operators.end(), t.text) != operators.end()) ||
            is_ident(t, "instanceof") || is_ident(t, "in")) {
            unsupported(t, t.text == "?" ? "conditional expression '? :'" : "operator '" + t.text + "'");
        }
        return left;
    }

    // `'file:' + process.env.DB` and `1 + 2`. As with template literals, an undefined operand
    // makes the result undefined instead of JS's "undefined"/NaN.
    Value additive() {
        Value left = unary();
        while (is_punct(peek(), "+")) {
            const Token& at = next();
            Value right = unary();
            if (!left || !right) {
                left = std::nullopt;
            } else if (left->is_number() && right->is_number()) {
                left = number_json(left->get<double>() + right->get<double>());
            } else if (left->is_string() || right->is_string()) {
                left = Json(stringify(*left, at) + stringify(*right, at));
            } else {
                unsupported(
                    at, "operator '+' on " + std::string(left->type_name()) + " and " + right->type_name());
            }
        }
        return left;
    }

    Value to_number(const Value& v, const Token& at, const std::string& what) const {
        if (!v) return std::nullopt;  // Number(undefined) is NaN in JS; absent is kinder
        if (v->is_number()) return v;
        if (v->is_boolean()) return Json(v->get<bool>() ? 1 : 0);
        if (v->is_string()) {
            std::string s = v->get<std::string>();
            auto first = s.find_first_not_of(" \t\r\n");
            auto last = s.find_last_not_of(" \t\r\n");
            s = first == std::string::npos ? "" : s.substr(first, last - first + 1);
            char* end = nullptr;
            double d = std::strtod(s.c_str(), &end);
            if (!s.empty() && end == s.c_str() + s.size()) return number_json(d);
            fail(at, what + ": the value is not a number");
        }
        fail(at, what + ": the value is not a number");
    }

    Value unary() {
        const Token& t = peek();
        if (is_punct(t, "-") && peek(1).kind == TokenKind::number) {
            next();
            Json n = number_value(next());
            return n.is_number_integer() ? Json(-n.get<std::int64_t>()) : Json(-n.get<double>());
        }
        if (is_punct(t, "+")) {
            next();
            return to_number(postfix(primary()), t, "unary '+'");
        }
        if (is_punct(t, "!") || is_punct(t, "-") || is_punct(t, "~"))
            unsupported(t, "operator '" + t.text + "'");
        return postfix(primary());
    }

    Value postfix(Value v) {
        while (true) {
            const Token& t = peek();
            if (is_punct(t, "!")) {
                next();  // TypeScript's non-null assertion: no effect on the value
            } else if (is_ident(t, "as") || is_ident(t, "satisfies")) {
                next();
                skip_type();
            } else if ((is_punct(t, ".") || is_punct(t, "?.")) && peek(1).kind == TokenKind::identifier) {
                if (is_punct(peek(2), "(")) unsupported(t, "method call '." + peek(1).text + "(...)'");
                if (v && !v->is_object()) unsupported(t, "property access '." + peek(1).text + "'");
                if (!v && t.text == ".") fail(t, "cannot read '." + peek(1).text + "' of undefined");
                next();
                v = member(v, next().text);
            } else if (is_punct(t, "[") && peek(1).kind == TokenKind::string && is_punct(peek(2), "]") && v &&
                       v->is_object()) {
                next();
                v = member(v, next().text);
                next();
            } else if (is_punct(t, "[")) {
                unsupported(t, "index access '[...]'");
            } else if (is_punct(t, "(")) {
                unsupported(t, "function call '(...)'");
            } else {
                return v;
            }
        }
    }

    static Value member(const Value& object, const std::string& key) {
        if (!object || !object->contains(key)) return std::nullopt;
        return (*object)[key];
    }

    Json number_value(const Token& t) const {
        std::string text;
        std::copy_if(t.text.begin(), t.text.end(), std::back_inserter(text), [](char c) { return c != '_'; });
        if (!text.empty() && text.back() == 'n') unsupported(t, "BigInt literal " + t.text);
        char* end = nullptr;
        double d = 0;
        if (text.size() > 2 && text[0] == '0' && std::string("xXoObB").find(text[1]) != std::string::npos) {
            int base = (text[1] == 'x' || text[1] == 'X') ? 16 : (text[1] == 'o' || text[1] == 'O') ? 8 : 2;
            d = static_cast<double>(std::strtoull(text.c_str() + 2, &end, base));
        } else {
            d = std::strtod(text.c_str(), &end);
        }
        if (end != text.c_str() + text.size()) fail(t, "invalid number " + t.text);
        return number_json(d);
    }

    // `(...) =>` at the cursor (which is on the '(')?
    bool arrow_ahead() const {
        int depth = 0;
        for (std::size_t k = 0;; ++k) {
            const Token& t = peek(k);
            if (t.kind == TokenKind::end) return false;
            if (is_punct(t, "(")) ++depth;
            if (is_punct(t, ")") && --depth == 0)
                return is_punct(peek(k + 1), "=>") || is_punct(peek(k + 1), ":");
        }
    }

    Value primary() {
        const Token& t = peek();
        switch (t.kind) {
        case TokenKind::string: next(); return Json(t.text);
        case TokenKind::number: next(); return number_value(t);
        case TokenKind::template_head: return template_literal();
        case TokenKind::identifier: return identifier_expression();
        case TokenKind::end: fail(t, "expected a value, found end of file");
        case TokenKind::template_middle:
        case TokenKind::template_tail:
        case TokenKind::punct: break;
        }
        if (is_punct(t, "{")) return object_literal();
        if (is_punct(t, "[")) return array_literal();
        if (is_punct(t, "(")) {
            if (arrow_ahead()) unsupported(t, "arrow function");
            next();
            Value v = expression();
            expect_punct(")", "to close '('");
            return v;
        }
        if (is_punct(t, "/")) unsupported(t, "regular expression");
        if (is_punct(t, "}") || is_punct(t, "]") || is_punct(t, ")") || is_punct(t, ",") ||
            is_punct(t, ";")) {
            fail(t, "expected a value, found " + describe(t));
        }
        unsupported(t, describe(t));
    }

    Value identifier_expression() {
        const Token& t = peek();
        const std::string& name = t.text;
        if (name == "true" || name == "false") {
            next();
            return Json(name == "true");
        }
        if (name == "null") {
            next();
            return Json(nullptr);
        }
        if (name == "undefined") {
            next();
            return std::nullopt;
        }
        if (name == "process") return env_access();
        if (name == "function" || name == "async") unsupported(t, "function");
        if (name == "class") unsupported(t, "class");
        if (name == "new") {
            std::string what =
                peek(1).kind == TokenKind::identifier ? " 'new " + peek(1).text + "(...)'" : "";
            unsupported(t, "'new' expression" + what);
        }
        if (is_punct(peek(1), "=>")) unsupported(t, "arrow function");
        if (name == "defineConfig" && is_punct(peek(1), "(")) {
            next();
            next();
            if (is_punct(peek(), ")")) fail(peek(), "defineConfig() needs the config object");
            Value v = expression();
            accept_punct(",");
            expect_punct(")", "to close defineConfig(");
            return v;
        }
        if ((name == "Number" || name == "parseInt" || name == "parseFloat") && is_punct(peek(1), "(")) {
            // port: Number(process.env.DB_PORT) is common enough to deserve support.
            next();
            next();
            Value v = expression();
            if (accept_punct(",") && !is_punct(peek(), ")")) {
                const Token& radix = peek();
                Value r = expression();
                if (!r || *r != Json(10)) unsupported(radix, name + "() with a radix other than 10");
                accept_punct(",");
            }
            expect_punct(")", "to close " + name + "(");
            Value n = to_number(v, t, name + "(...)");
            if (n && name == "parseInt" && n->is_number_float())
                n = number_json(std::trunc(n->get<double>()));
            return n;
        }
        if (name == "String" && is_punct(peek(1), "(")) {
            next();
            next();
            Value v = expression();
            expect_punct(")", "to close String(");
            if (!v) return std::nullopt;
            return Json(stringify(*v, t));
        }
        if (auto call = call_name_ahead()) unsupported(t, "function call '" + *call + "(...)'");
        next();
        return lookup_identifier(t);
    }

    Value lookup_identifier(const Token& t) {
        if (auto it = bindings_.find(t.text); it != bindings_.end()) {
            if (!it->second) {
                for (UnsetRead read : binding_unset_[t.text]) {
                    read.key = key_path();
                    unset_.push_back(std::move(read));
                }
            }
            return it->second;
        }
        if (auto it = imports_.find(t.text); it != imports_.end()) {
            unsupported(t, "'" + t.text + "' is imported from '" + it->second.module +
                               "' (imported values cannot be read without running the code)");
        }
        unsupported(t, "unknown identifier '" + t.text + "'");
    }

    // process.env.X, process.env["X"], process.env?.X
    Value env_access() {
        const Token& start = peek();
        if (!(is_punct(peek(1), ".") || is_punct(peek(1), "?.")) || !is_ident(peek(2), "env")) {
            if (auto call = call_name_ahead()) unsupported(start, "function call '" + *call + "(...)'");
            unsupported(start, "'process' other than process.env.X");
        }
        next();
        next();
        next();
        std::string name;
        if ((is_punct(peek(), ".") || is_punct(peek(), "?.")) && peek(1).kind == TokenKind::identifier) {
            next();
            name = next().text;
        } else if (is_punct(peek(), "[") && peek(1).kind == TokenKind::string && is_punct(peek(2), "]")) {
            next();
            name = next().text;
            next();
        } else {
            unsupported(start, "process.env without a variable name");
        }
        if (is_punct(peek(), "(")) unsupported(start, "function call 'process.env." + name + "(...)'");
        auto value = lookup_env(name);
        if (!value) {
            unset_.push_back({name, start.offset, key_path()});
            return std::nullopt;
        }
        return Json(*value);
    }

    std::string stringify(const Json& v, const Token& at) const {
        if (v.is_string()) return v.get<std::string>();
        if (v.is_number_integer()) return std::to_string(v.get<std::int64_t>());
        if (v.is_number() || v.is_boolean() || v.is_null()) return v.dump();
        unsupported(at, "an object or array turned into a string");
    }

    // `a${x}b${y}c`. A substitution that is undefined (an unset process.env variable) makes the
    // whole string undefined: JS would embed the word "undefined" in a URL, which only fails later.
    Value template_literal() {
        std::string text = next().text;
        bool undefined = false;
        while (true) {
            const Token& at = peek();
            Value part = expression();
            if (!part) {
                undefined = true;
            } else {
                text += stringify(*part, at);
            }
            const Token& t = next();
            if (t.kind == TokenKind::template_middle) {
                text += t.text;
            } else if (t.kind == TokenKind::template_tail) {
                text += t.text;
                break;
            } else {
                fail(t, "expected '}' to close '${' in the template literal, found " + describe(t));
            }
        }
        if (undefined) return std::nullopt;
        return Json(text);
    }

    Value object_literal() {
        next();  // {
        Json object = Json::object();
        while (!accept_punct("}")) {
            const Token& key_token = peek();
            if (accept_punct("...")) {
                Value spread = expression();
                if (spread && !spread->is_object())
                    fail(key_token, "only objects can be spread into an object");
                if (spread) {
                    for (auto& [key, value] : spread->items()) object[key] = value;
                }
            } else {
                std::string key;
                if (key_token.kind == TokenKind::identifier || key_token.kind == TokenKind::string) {
                    key = key_token.text;
                } else if (key_token.kind == TokenKind::number) {
                    key = stringify(number_value(key_token), key_token);
                } else if (is_punct(key_token, "[")) {
                    unsupported(key_token, "computed property name '[...]'");
                } else {
                    fail(key_token, "expected a property name or '}', found " + describe(key_token));
                }
                next();
                path_.push_back(key);
                if (accept_punct(":")) {
                    set_member(object, key, expression());
                } else if (key_token.kind == TokenKind::identifier &&
                           (is_punct(peek(), ",") || is_punct(peek(), "}"))) {
                    set_member(object, key, lookup_identifier(key_token));  // { url } shorthand
                } else if (is_punct(peek(), "(") || (key_token.kind == TokenKind::identifier &&
                                                     (key == "get" || key == "set" || key == "async") &&
                                                     peek().kind == TokenKind::identifier)) {
                    unsupported(key_token, "method '" + key + "(...)'");
                } else {
                    fail(peek(),
                         "expected ':' after the property name '" + key + "', found " + describe(peek()));
                }
                path_.pop_back();
            }
            if (!accept_punct(",") && !is_punct(peek(), "}")) {
                fail(peek(), "expected ',' or '}' in the object, found " + describe(peek()));
            }
        }
        return object;
    }

    static void set_member(Json& object, const std::string& key, Value value) {
        if (value) {
            object[key] = std::move(*value);
        } else {
            object.erase(key);
        }
    }

    Value array_literal() {
        next();  // [
        Json array = Json::array();
        while (!accept_punct("]")) {
            const Token& at = peek();
            if (is_punct(at, ",")) fail(at, "empty array element");
            if (accept_punct("...")) {
                Value spread = expression();
                if (!spread || !spread->is_array()) fail(at, "only arrays can be spread into an array");
                for (auto& item : *spread) array.push_back(item);
            } else {
                const std::size_t mark = unset_.size();
                Value v = expression();
                if (!v) {
                    fail(at, unset_.size() > mark ? "array element is undefined: process.env." + unset_.back().name +
                                                        " is not set"
                                                  : std::string("array element is undefined"));
                }
                array.push_back(std::move(*v));
            }
            if (!accept_punct(",") && !is_punct(peek(), "]")) {
                fail(peek(), "expected ',' or ']' in the array, found " + describe(peek()));
            }
        }
        return array;
    }

    std::string_view src_;
    const std::string& label_;
    const EnvLookup& env_;
    fs::path cwd_;
    std::vector<Token> toks_;
    std::size_t i_ = 0;
    std::map<std::string, Value> bindings_;
    std::map<std::string, ImportedName> imports_;
    DotenvVars dotenv_;
    std::vector<std::string> warnings_;
    Json default_;
    bool has_default_ = false;
    bool dotenv_loaded_ = false;
    std::vector<UnsetRead> unset_;
    std::map<std::string, std::vector<UnsetRead>> binding_unset_;
    std::vector<std::string> path_;
    std::map<std::string, std::string> unset_keys_;
};

}  // namespace

TsConfigResult parse_ts_config(std::string_view text, const std::string& label, const EnvLookup& env,
                               const std::filesystem::path& cwd) {
    return Parser(text, label, env, cwd).run();
}

}  // namespace drizzle::config_detail
