// The syntax tree of a schema header as the compiler-free reader sees it: the small part of C++
// the DSL is written in (declarations of `auto` variables whose initialisers are calls, braced
// lists and literals). Anything else stops the reader, and drizzle-kit compiles the header instead.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace drizzle::dsl::reader {

/// The header is outside what the reader understands (not necessarily wrong C++): the caller
/// compiles it instead. The message names the file and line.
class Unsupported : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Where a piece of the header starts.
struct Place {
    const std::string* file = nullptr;
    int line = 0;
};

/// One expression of the DSL subset.
struct Expr {
    enum class Kind {
        string,   ///< `text`: the bytes, adjacent literals joined
        integer,  ///< `integer`: the value of a decimal literal (negation applied)
        floating, ///< `floating`
        boolean,  ///< `boolean`
        name,     ///< `text`: the last component; `qualifiers`: the ones before ("" for a leading ::)
        call,     ///< children[0] is the callee, the rest the arguments
        member,   ///< children[0].text
        index,    ///< children[0][children[1]]
        braced,   ///< children, with `designators` (".name =") or none
        lambda,   ///< `[] { return children[0]; }`, called at once
    };
    Kind kind = Kind::name;
    Place where;
    std::string text;
    std::vector<std::string> qualifiers;
    std::int64_t integer = 0;
    /// The literal does not fit `int` (its type is `long`): it cannot initialise an `int` field.
    bool wide = false;
    double floating = 0;
    bool boolean = false;
    /// A name written in parentheses, `(pg_table)`: the call skips the DSL's checking macro.
    bool parenthesized = false;
    std::vector<Expr> children;
    std::vector<std::string> designators;
};

/// One thing at namespace scope.
struct Declaration {
    enum class Kind {
        include,         ///< `text`: the file named; `angled`: written <...>
        using_namespace, ///< `qualifiers` + `text`: the namespace
        open_namespace,  ///< `text`: the name ("" for an anonymous one)
        close_namespace,
        variable, ///< `text` = `initializer`
        guard,    ///< `#ifndef text` / `#define text` around the whole file, or (text "") `#pragma once`
    };
    Kind kind = Kind::variable;
    Place where;
    std::string text;
    std::vector<std::string> qualifiers;
    bool angled = false;
    Expr initializer;
};

/// A header's declarations, in order, parsed one at a time. Throws Unsupported. `text` and `file`
/// must outlive the parser (places point to `file`).
class HeaderParser {
public:
    HeaderParser(const std::string& text, const std::string& file);
    ~HeaderParser();
    /// The next declaration, or nullopt at the end of the header.
    std::optional<Declaration> next();

private:
    class Parser;
    std::unique_ptr<Parser> parser_;
};

/// "file:line" of `where`.
std::string place_text(const Place& where);

} // namespace drizzle::dsl::reader
