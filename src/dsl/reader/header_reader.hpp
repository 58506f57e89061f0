// Reads schema headers without a compiler: the declarations are evaluated from their syntax tree
// through the same DSL builders and library calls the compiled header makes, so the registry ends
// up holding what loading the compiled header would have put there. A header outside the DSL's
// subset of C++ throws Unsupported, and drizzle-kit compiles it as before.
#pragma once

#include "drizzle/dsl/common.hpp"
#include "dsl/reader/header_syntax.hpp"

#include <any>
#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace drizzle::dsl::reader {

class Context;

/// One dialect's DSL as the reader evaluates it (its builders, declarations and handles).
class DialectBinding {
public:
    virtual ~DialectBinding() = default;
    /// The DSL header that selects this dialect, as included: "drizzle/dsl/pg.hpp".
    virtual const char* header() const = 0;
    /// The namespace a `using namespace` opens for the DSL: {"drizzle", "pg", "dsl"}.
    virtual std::vector<std::string> dsl_namespace() const = 0;
    /// What including the DSL header does by itself (a schema that declares nothing is ours).
    virtual void note_included() const = 0;
    /// Evaluates `initializer` (registering what it declares) and keeps the result as `variable`.
    virtual void declare(Context& context, const std::string& variable, const Expr& initializer) const = 0;
};

/// The dialects the reader knows (src/dialect/<name>/facts/dsl/*_header_reader.cpp), listed with
/// the built-in dialects in src/dialect/registry.cpp.
std::vector<std::unique_ptr<DialectBinding>> dialect_bindings();

/// What a binding evaluates against: the header's variables and namespaces, typed literals, and
/// storage that outlives the evaluation (the DSL keeps pointers to text and lists).
class Context {
public:
    explicit Context(const DialectBinding& binding) : binding_(binding) {}

    [[noreturn]] void fail(const Place& where, const std::string& what) const;
    [[noreturn]] void fail(const Expr& where, const std::string& what) const { fail(where.where, what); }
    /// Stops unless `call` has between `low` and `high` arguments; `what` names the callee.
    void require_arguments(const Expr& call, std::size_t low, std::size_t high, const std::string& what) const;

    /// `e` without the lambdas that only return it: `[] { return x; }()` is `x`.
    static const Expr& unwrap(const Expr& e);
    /// The arguments of a call.
    static std::span<const Expr> arguments(const Expr& call);

    /// The DSL entity `e` names ("pg_table", "action::cascade", "GeneratedMode::stored"), when it
    /// names one: fully qualified, or through an active `using namespace`.
    std::optional<std::string> dsl_name(const Expr& e) const;
    /// Whether `e` is written `drizzle::dsl::...` (where a dialect's own overloads are not).
    static bool names_shared_dsl(const Expr& e);
    /// The callee of `call` as a DSL name (`pg_table(...)`, `(pg_table)(...)`), or nullopt.
    std::optional<std::string> called_dsl_name(const Expr& call) const;

    /// The value `e` names when it is one of the header's variables of type T, else nullptr.
    template <class T> const T* variable(const Expr& e) const {
        const std::any* value = variable_value(e);
        return value == nullptr ? nullptr : std::any_cast<T>(value);
    }
    /// Keeps `value` as the variable `name` (its address stays valid: handles point to it).
    template <class T> const T& keep_variable(const Expr& where, const std::string& name, T value) {
        std::any& kept = kept_variable(where, name);
        kept = std::move(value);
        return *std::any_cast<T>(&kept);
    }

    /// Text for the DSL: a string literal (adjacent ones joined), `{}`, or an `action::` constant.
    Text text(const Expr& e);
    /// An `int` argument or field (a literal that fits).
    int int_value(const Expr& e) const;
    /// An `std::int64_t` (a literal, INT64_MIN or INT64_MAX).
    std::int64_t int64_value(const Expr& e) const;
    bool bool_value(const Expr& e) const;
    /// A braced list of texts: `{"a", "b"}`.
    ListView<Text> text_list(const Expr& e);
    /// `{{"key", "value"}, ...}`.
    ListView<Option> option_list(const Expr& e);

    /// Stores `items` for the life of the process and views them.
    template <class T> ListView<T> keep_list(std::vector<T> items) {
        if (items.empty()) return {};
        auto& kept = lists_.emplace_back(std::move(items));
        const auto& stored = *std::any_cast<std::vector<T>>(&kept);
        return ListView<T>(stored.data(), stored.size());
    }

    /// Calls `field(name, value)` for each field of a braced aggregate initialiser, checking that
    /// designators name fields of `fields` in their declared order, each at most once (what C++
    /// requires); positional values take the fields in order.
    template <class Setter>
    void fields(const Expr& braced, std::initializer_list<const char*> fields, Setter&& field) const {
        const Expr& list = unwrap(braced);
        if (list.kind != Expr::Kind::braced) fail(list, "expected a braced initialiser {...}");
        if (list.children.size() > fields.size()) fail(list, "too many values in the braced initialiser");
        std::size_t next = 0;
        for (std::size_t i = 0; i < list.children.size(); ++i) {
            std::size_t at = next;
            if (!list.designators.empty()) {
                while (at < fields.size() && list.designators[i] != fields.begin()[at])
                    ++at;
                if (at == fields.size())
                    fail(list.children[i], "no field ." + list.designators[i] + " here (or out of order)");
            }
            field(std::string(fields.begin()[at]), list.children[i]);
            next = at + 1;
        }
    }

    // The driver's side. Each header given is compiled as a translation unit of its own, so what
    // it can name is what it includes.

    /// What a file sees: the files it includes (and itself), the namespace it is in, and the
    /// using-directives in force. A file is read with a fresh scope of its own (saved and
    /// restored around it), so what it declares never depends on who includes it first.
    struct Scope {
        std::set<int> visible_files;
        std::vector<std::vector<std::string>> namespaces{{}}; ///< the path of each open block
        std::vector<bool> using_dsl{false};                   ///< per open block
    };
    Scope enter_file(int file);
    void leave_file(Scope includer, int includer_file);
    void make_visible(int file);
    void open_namespace(const Place& where, const std::vector<std::string>& names);
    void close_namespace();
    void use_namespace(const Place& where, const std::vector<std::string>& path);

private:
    const std::any* variable_value(const Expr& e) const;
    std::any& kept_variable(const Expr& where, const std::string& name);

    struct Variable {
        std::any value;
        int file = 0;                        ///< visible only where that file is included
        std::vector<std::string> namespace_; ///< where it is declared
    };

    const DialectBinding& binding_;
    std::deque<Variable> values_;            ///< a deque never moves them: handles point in
    std::map<std::string, Variable*> names_; ///< by unqualified name (a second one stops the reader)
    std::set<std::string> namespace_names_;  ///< every user namespace's name
    std::deque<std::any> lists_;
    Scope scope_;
    int current_file_ = 0;
};

/// Reads `headers` (in order, each file once, included schema headers at their #include) and
/// registers their declarations. Throws Unsupported when a header is outside the reader's subset.
void read_schema_headers(const std::vector<std::filesystem::path>& headers);

} // namespace drizzle::dsl::reader
