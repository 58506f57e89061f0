// The part of the schema DSL every dialect shares: text views, raw SQL, column references,
// referential actions, the column-builder setters and the table-level declarations. A dialect's
// DSL header (sqlite.hpp, pg.hpp) adds only its own types and builders on top.
//
// Every builder here is a literal, trivially destructible value: a table declaration compiles to
// plain data plus one call into the library, with no destructors or exception clean-ups for the
// compiler to generate, and the header includes only the three small standard headers below.
// That is what makes recompiling a schema header after an edit fast (docs/benchmarks.md).
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>

namespace drizzle::dsl {

/// Text given to the DSL: a string literal, or a std::string that lives until the declaration it
/// appears in has been evaluated (the library copies it then). One pointer to NUL-terminated text:
/// every field of a builder is work for the compiler, so text carries no separate length.
struct Text {
    const char* data = "";

    constexpr Text() = default;
    constexpr Text(const char* text) : data(text) {}
    /// Any string type with c_str(): std::string.
    template <class String>
    requires requires(const String& s) { static_cast<const char*>(s.c_str()); }
    constexpr Text(const String& text) : data(text.c_str()) {}

    constexpr bool empty() const { return data[0] == '\0'; }
    friend constexpr bool operator==(Text a, Text b) {
        std::size_t i = 0;
        for (; a.data[i] != '\0'; ++i)
            if (a.data[i] != b.data[i]) return false;
        return b.data[i] == '\0';
    }
};

/// A list written in a declaration, as a view: a braced list (`{"a", "b"}`, which lives until the
/// declaration it appears in has been evaluated), or a list the library keeps for the life of the
/// process (what drizzle-kit's compiler-free header reader builds).
// GCC warns that a pointer into a braced list does not keep the list alive; the view is used only
// while the declaration that wrote the list is evaluated (see ExtraSpec), as std::initializer_list is.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winit-list-lifetime"
#endif
template <class T> struct ListView {
    const T* first = nullptr;
    std::size_t count = 0;

    constexpr ListView() = default;
    constexpr ListView(std::initializer_list<T> list) : first(list.begin()), count(list.size()) {}
    constexpr ListView(const T* data, std::size_t size) : first(data), count(size) {}
    constexpr const T* begin() const { return first; }
    constexpr const T* end() const { return first + count; }
    constexpr std::size_t size() const { return count; }
    constexpr bool empty() const { return count == 0; }
};
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

/// An integer option that may be left unset: `{.start_with = 10}`.
struct OptionalInt {
    bool set = false;
    std::int64_t value = 0;
    constexpr OptionalInt() = default;
    constexpr OptionalInt(std::int64_t v) : set(true), value(v) {}
};

/// A text option that may be left unset: `{.using_ = "true"}`.
struct OptionalText {
    bool set = false;
    Text value;
    constexpr OptionalText() = default;
    constexpr OptionalText(Text v) : set(true), value(v) {}
    constexpr OptionalText(const char* v) : set(true), value(v) {}
    /// A std::string.
    template <class String>
    requires requires(const String& s) { Text(s); }
    constexpr OptionalText(const String& v) : set(true), value(Text(v)) {}
};

/// A `key = value` option (index `WITH (...)`, view `WITH (...)`).
struct Option {
    Text key;
    Text value;
};

/// Referential actions, as `.references(..., {.on_delete = action::cascade})`.
namespace action {
inline constexpr const char* no_action = "no action";
inline constexpr const char* cascade = "cascade";
inline constexpr const char* set_null = "set null";
inline constexpr const char* set_default = "set default";
inline constexpr const char* restrict_ = "restrict";
} // namespace action

/// Raw SQL, for defaults, checks and index expressions: `default_(sql("(unixepoch())"))`.
struct Sql {
    Text text;
};
/// Wraps `text` as raw SQL.
constexpr Sql sql(Text text) {
    return {text};
}

/// A declared object's names as the library keeps them (valid for the life of the process).
struct DeclaredName {
    Text schema;
    Text name;
};

/// What every handle of a declared object (table, enum) is: the names the library kept for it.
/// Builders that refer to a handle hold its address, not its names: the address of a variable is
/// known to the compiler, so `.references(users["id"])` stays constant data, and the library reads
/// the names when the referring table is declared (after `users` itself, in declaration order).
class Declaration {
public:
    constexpr explicit Declaration(DeclaredName declared) : declared_(declared) {}
    constexpr const DeclaredName& declared() const { return declared_; }

protected:
    DeclaredName declared_;
};

/// A column of a declared table, for `.references(...)` and foreign keys. `schema` is empty for
/// the default schema (the only one dialects without schemas have).
struct ColumnRef {
    constexpr ColumnRef(Text table_name, Text column_name) : table(table_name), column(column_name) {}
    constexpr ColumnRef(Text schema_name, Text table_name, Text column_name)
        : schema(schema_name), table(table_name), column(column_name) {}
    /// A column of a declared table: its schema and name are the handle's.
    constexpr ColumnRef(const Declaration* table_handle, Text column_name) : owner(table_handle), column(column_name) {}
    const Declaration* owner = nullptr;
    Text schema;
    Text table;
    Text column;
};

/// A column reference by names, for targets declared later in the header (or the table itself).
constexpr ColumnRef ref(Text table, Text column) {
    return {table, column};
}

/// Options of a column's `.references(...)`.
struct ReferenceOptions {
    Text on_delete = action::no_action;
    Text on_update = action::no_action;
    Text name{}; ///< empty: drizzle's default name
};

/// Identity and sequence parameters; unset keeps the database's default.
struct SequenceParams {
    OptionalInt increment{};
    OptionalInt min_value{};
    OptionalInt max_value{};
    OptionalInt start_with{};
    OptionalInt cache{};
    bool cycle = false;
    Text name{}; ///< identity only: the sequence name, empty = the database's default
};

/// An identity column's sequence parameters, packed: bit i of `set` says the i-th value was given,
/// in SequenceParams' order (increment, min, max, start, cache).
struct IdentitySpec {
    unsigned char set = 0;
    std::int64_t increment = 0;
    std::int64_t min_value = 0;
    std::int64_t max_value = 0;
    std::int64_t start_with = 0;
    std::int64_t cache = 0;
    bool cycle = false;
    Text name;
};

/// `params` packed as an IdentitySpec.
constexpr IdentitySpec identity_spec(const SequenceParams& params) {
    IdentitySpec spec;
    auto take = [&spec](const OptionalInt& given, int bit, std::int64_t& value) {
        if (!given.set) return;
        spec.set = static_cast<unsigned char>(spec.set | (1u << bit));
        value = given.value;
    };
    take(params.increment, 0, spec.increment);
    take(params.min_value, 1, spec.min_value);
    take(params.max_value, 2, spec.max_value);
    take(params.start_with, 3, spec.start_with);
    take(params.cache, 4, spec.cache);
    spec.cycle = params.cycle;
    spec.name = params.name;
    return spec;
}

/// A DEFAULT as written in C++; the library renders it as drizzle-kit does.
struct DefaultSpec {
    enum class Kind : unsigned char { none, boolean, integer, number, string, sql };
    Kind kind = Kind::none;
    bool boolean = false;
    std::int64_t integer = 0;
    double number = 0;
    Text text; ///< string (quoted by the library) or raw SQL
};

/// Everything a column declaration says; the dialect's library code turns it into the model.
struct ColumnSpec {
    Text name;
    Text type; ///< the type's name without arguments: "varchar", "numeric", an enum's name
    const Declaration* type_owner = nullptr; ///< an enum's handle: its names are the type's
    int type_arg = -1;                       ///< `(length)` or `(precision, ...)`; -1 = not given
    int type_arg2 = -1;                      ///< `(..., scale)`; -1 = not given
    Text type_suffix;            ///< after the arguments: " with time zone"
    int dimensions = 0;          ///< array dimensions
    bool not_null = false;
    bool primary_key = false;
    bool autoincrement = false;
    DefaultSpec default_value{};
    bool unique = false;
    bool unique_nulls_not_distinct = false;
    Text unique_name;
    bool has_reference = false;
    ColumnRef reference_target{Text{}, Text{}};
    ReferenceOptions reference_options{};
    bool generated = false;
    bool generated_stored = false;
    Text generated_expression;
    enum class Identity : unsigned char { none, always, by_default };
    Identity identity = Identity::none;
    IdentitySpec identity_params{};
};

/// The setters every dialect's column builder has; each returns the dialect's builder (`Self`),
/// so dialect-specific modifiers chain after shared ones.
template <class Self> class ColumnBuilderBase : public ColumnSpec {
public:
    constexpr ColumnBuilderBase(Text column_name, Text column_type) {
        name = column_name;
        type = column_type;
    }

    /// NOT NULL.
    constexpr Self& not_null() {
        ColumnSpec::not_null = true;
        return self();
    }
    /// DEFAULT with a literal value: bool, integer, floating point or string (quoted for you).
    constexpr Self& default_(bool value) {
        set_default(DefaultSpec::Kind::boolean).boolean = value;
        return self();
    }
    constexpr Self& default_(int value) { return default_(static_cast<std::int64_t>(value)); }
    constexpr Self& default_(std::int64_t value) {
        set_default(DefaultSpec::Kind::integer).integer = value;
        return self();
    }
    constexpr Self& default_(double value) {
        set_default(DefaultSpec::Kind::number).number = value;
        return self();
    }
    constexpr Self& default_(const char* value) { return text_default(DefaultSpec::Kind::string, value); }
    /// A std::string or std::string_view default (quoted for you).
    template <class String>
    requires requires(const String& s) { Text(s); }
    constexpr Self& default_(const String& value) { return text_default(DefaultSpec::Kind::string, Text(value)); }
    /// DEFAULT with raw SQL, e.g. `default_(sql("(unixepoch())"))`.
    constexpr Self& default_(const Sql& expression) { return text_default(DefaultSpec::Kind::sql, expression.text); }
    /// Same as `default_(sql(text))`.
    constexpr Self& default_sql(Text text) { return text_default(DefaultSpec::Kind::sql, text); }
    /// A foreign key from this column.
    constexpr Self& references(const ColumnRef& target, ReferenceOptions options = {}) {
        has_reference = true;
        reference_target = target;
        reference_options = options;
        return self();
    }

protected:
    constexpr Self& self() { return static_cast<Self&>(*this); }
    constexpr DefaultSpec& set_default(DefaultSpec::Kind kind) {
        default_value = DefaultSpec{};
        default_value.kind = kind;
        return default_value;
    }
    constexpr Self& text_default(DefaultSpec::Kind kind, Text text) {
        set_default(kind).text = text;
        return self();
    }
};

/// One element of an index: a column name or an SQL expression, with its ordering.
struct IndexElement {
    Text value;
    bool is_expression = false;
    bool asc = true;
    Text nulls;   ///< "first", "last" or "" (the direction's default)
    Text opclass; ///< "" = the default operator class
};

/// An index target as written: a column name or `sql("lower(email)")`, with ordering modifiers
/// where the dialect has them.
struct IndexTarget : IndexElement {
    constexpr IndexTarget(const char* column) { value = column; }
    template <class String>
    requires requires(const String& s) { Text(s); }
    constexpr IndexTarget(const String& column) { value = Text(column); }
    constexpr IndexTarget(Sql expression) {
        value = expression.text;
        is_expression = true;
    }
    constexpr IndexTarget& desc() {
        asc = false;
        return *this;
    }
    constexpr IndexTarget& nulls_first() {
        nulls = "first";
        return *this;
    }
    constexpr IndexTarget& nulls_last() {
        nulls = "last";
        return *this;
    }
    constexpr IndexTarget& op(Text opclass_name) {
        opclass = opclass_name;
        return *this;
    }
};

/// What a table-level declaration is.
enum class ExtraKind { index, unique_index, primary_key, foreign_key, unique, check, policy };

/// A row-level security policy's options, as declared.
struct PolicySpec {
    Text as = "permissive";
    Text for_ = "all";
    ListView<Text> to{}; ///< none given: `public`
    bool has_using = false;
    Text using_;
    bool has_with_check = false;
    Text with_check;
};

/// What a table-level declaration has collected; fields a dialect has no setter for keep their
/// neutral value.
///
/// The lists are views of the braced lists written in the declaration: a braced list passed to a
/// function lives until the end of the full expression it appears in ([class.temporary]), and the
/// table declaration that contains it copies everything into the model before that ends. Views
/// instead of fixed arrays keep each declaration a few words of data, which is what the compiler
/// has to generate code for.
struct ExtraSpec {
    ExtraKind kind = ExtraKind::index;
    Text name;
    ListView<IndexTarget> targets{}; ///< `.on({...})`: index elements, unique columns
    ListView<Text> key_columns{};    ///< primary_key({...}) / foreign_key({...})
    bool has_predicate = false;
    Text predicate; ///< index WHERE, or the CHECK expression
    Text method;    ///< index USING
    bool build_concurrently = false;
    ListView<Option> options{}; ///< index WITH (...)
    bool distinct_nulls = true;
    Text table_to;
    Text schema_to;
    ListView<Text> columns_to{};
    Text delete_action = action::no_action;
    Text update_action = action::no_action;
    PolicySpec policy{};
};

/// The setters every dialect's table-level declaration has (`Self` is the dialect's TableExtra).
template <class Self> class TableExtraBase : public ExtraSpec {
public:
    using Kind = ExtraKind;

    /// The columns or expressions the index/unique/primary key covers.
    constexpr Self& on(std::initializer_list<IndexTarget> new_targets) {
        targets = new_targets;
        return self();
    }
    /// Partial index predicate.
    constexpr Self& where(Text new_predicate) {
        has_predicate = true;
        predicate = new_predicate;
        return self();
    }
    /// Foreign key actions.
    constexpr Self& on_delete(Text action) {
        delete_action = action;
        return self();
    }
    constexpr Self& on_update(Text action) {
        update_action = action;
        return self();
    }

protected:
    constexpr Self& self() { return static_cast<Self&>(*this); }
    constexpr Self& set_references(Text table, std::initializer_list<Text> columns, Text schema) {
        table_to = table;
        schema_to = schema;
        columns_to = columns;
        return self();
    }
};

/// A declaration of `kind` named `name` (empty = drizzle's default name).
template <class Extra> constexpr Extra make_extra(ExtraKind kind, Text name) {
    Extra extra;
    extra.kind = kind;
    extra.name = name;
    return extra;
}

/// A key (primary, foreign) over `columns`.
template <class Extra> constexpr Extra make_key(ExtraKind kind, std::initializer_list<Text> columns, Text name) {
    auto extra = make_extra<Extra>(kind, name);
    extra.key_columns = columns;
    return extra;
}

/// A CHECK constraint.
template <class Extra> constexpr Extra make_check(Text name, Text expression) {
    auto extra = make_extra<Extra>(ExtraKind::check, name);
    extra.has_predicate = true;
    extra.predicate = expression;
    return extra;
}

/// Compile-time checks of a table declaration (`pg_table(...)`, `sqlite_table(...)`).
///
/// A table registers itself at run time, so the registering call cannot be evaluated by the
/// compiler; the dialect headers therefore make `pg_table` / `sqlite_table` macros that pass the
/// same arguments twice: once to a consteval check whose result is a template argument, once to
/// the registering function. A mistake becomes a compile error whose first line carries the
/// message, e.g.
///   In instantiation of 'struct drizzle::dsl::detail::DslCheck<drizzle::dsl::detail::Message{
///   "table \"users\": index \"users_email_idx\" names column \"emial\", which the table does
///   not have"}>' ... required from here   (the declaration's file and line)
/// Calling the function with the name in parentheses, `(pg_table)(...)`, skips the check (for
/// names computed at run time). The check roughly doubles the compiler's work on a table, so
/// drizzle-kit compiles headers with DRIZZLE_DSL_CHECK=0 and, when the schema they export is
/// invalid, compiles them again with the check to place the mistake at its file and line.
namespace detail {

/// A check's verdict: empty when the declaration is right.
struct Message {
    char text[160] = {};
    constexpr Message& add(Text part) {
        std::size_t n = 0;
        while (text[n] != '\0')
            ++n;
        for (std::size_t i = 0; part.data[i] != '\0' && n + 1 < sizeof text; ++i)
            text[n++] = part.data[i];
        return *this;
    }
};

/// Instantiated with the verdict; a non-empty one fails here, with the message in the type.
template <Message M> struct DslCheck {
    static_assert(M.text[0] == '\0', "drizzle DSL: this table declaration is wrong; the message is in "
                                     "DslCheck<Message{\"...\"}> above");
};

constexpr const char* extra_kind_name(ExtraKind kind) {
    switch (kind) {
    case ExtraKind::index:
        return "index";
    case ExtraKind::unique_index:
        return "unique index";
    case ExtraKind::primary_key:
        return "primary key";
    case ExtraKind::foreign_key:
        return "foreign key";
    case ExtraKind::unique:
        return "unique constraint";
    case ExtraKind::check:
        return "check";
    case ExtraKind::policy:
        return "policy";
    }
    return "declaration";
}

/// The first mistake in a table declaration the compiler can see: a column declared twice, or an
/// index, key or constraint naming a column the table does not have (a foreign key to the table
/// itself included). Columns of other tables live in run-time handles, so references to them are
/// checked when the schema is exported.
template <class Builder, class Extra>
consteval Message check_table(Text table, std::initializer_list<Builder> columns, std::initializer_list<Extra> extras) {
    Message message;
    auto has = [&](Text column) {
        for (const ColumnSpec& spec : columns)
            if (spec.name == column) return true;
        return false;
    };
    auto missing = [&](Text what, Text name, Text column) {
        message.add("table \"").add(table).add("\": ").add(what);
        if (!name.empty()) message.add(" \"").add(name).add("\"");
        message.add(" names column \"").add(column).add("\", which the table does not have");
        return message;
    };
    for (auto column = columns.begin(); column != columns.end(); ++column) {
        for (auto earlier = columns.begin(); earlier != column; ++earlier) {
            if (earlier->name == column->name) {
                return message.add("table \"")
                    .add(table)
                    .add("\": column \"")
                    .add(column->name)
                    .add("\" is declared twice");
            }
        }
        if (column->has_reference && column->reference_target.owner == nullptr &&
            column->reference_target.table == table && !has(column->reference_target.column)) {
            return missing("the reference of column", column->name, column->reference_target.column);
        }
    }
    for (const ExtraSpec& extra : extras) {
        for (Text column : extra.key_columns)
            if (!has(column)) return missing(extra_kind_name(extra.kind), extra.name, column);
        for (const IndexTarget& target : extra.targets)
            if (!target.is_expression && !has(target.value))
                return missing(extra_kind_name(extra.kind), extra.name, target.value);
        if (extra.kind == ExtraKind::foreign_key && extra.table_to == table && extra.schema_to.empty()) {
            for (Text column : extra.columns_to)
                if (!has(column)) return missing("the target of foreign key", extra.name, column);
        }
    }
    return message;
}

} // namespace detail

} // namespace drizzle::dsl
