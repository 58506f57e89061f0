// Identifier rules for generated headers: casing, reserved names and collisions.
#include "pull/identifiers.hpp"

#include <cctype>
#include <unordered_set>
#include <vector>

namespace drizzle::pull::detail {

namespace {

bool ascii_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80;
}
char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
char upper(char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

std::vector<std::string> split_words(std::string_view name) {
    std::vector<std::string> words;
    std::string current;
    for (char c : name) {
        if (ascii_alnum(c)) {
            current += c;
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

bool all_upper(const std::string& word) {
    for (char c : word) {
        if (std::islower(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

}  // namespace

std::string identifier_words(std::string_view name, Casing casing) {
    const auto words = split_words(name);
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        if (casing == Casing::preserve) {
            // `_` between words only: leading or doubled underscores are reserved in C++.
            out += (i == 0 ? "" : "_") + word;
            continue;
        }
        if (i == 0) {
            if (all_upper(word)) {
                for (char& c : word)
                    c = lower(c);
            } else {
                word[0] = lower(word[0]);
            }
        } else {
            word[0] = upper(word[0]);
        }
        out += word;
    }
    return out;
}

bool is_reserved_identifier(std::string_view identifier) {
    // clang-format off: one long list, packed
    static const std::unordered_set<std::string_view> reserved = {
        // C++20 keywords and alternative tokens.
        "alignas",
        "alignof",
        "and",
        "and_eq",
        "asm",
        "auto",
        "bitand",
        "bitor",
        "bool",
        "break",
        "case",
        "catch",
        "char",
        "char8_t",
        "char16_t",
        "char32_t",
        "class",
        "compl",
        "concept",
        "const",
        "consteval",
        "constexpr",
        "constinit",
        "const_cast",
        "continue",
        "co_await",
        "co_return",
        "co_yield",
        "decltype",
        "default",
        "delete",
        "do",
        "double",
        "dynamic_cast",
        "else",
        "enum",
        "explicit",
        "export",
        "extern",
        "false",
        "float",
        "for",
        "friend",
        "goto",
        "if",
        "inline",
        "int",
        "long",
        "mutable",
        "namespace",
        "new",
        "noexcept",
        "not",
        "not_eq",
        "nullptr",
        "operator",
        "or",
        "or_eq",
        "private",
        "protected",
        "public",
        "register",
        "reinterpret_cast",
        "requires",
        "return",
        "short",
        "signed",
        "sizeof",
        "static",
        "static_assert",
        "static_cast",
        "struct",
        "switch",
        "template",
        "this",
        "thread_local",
        "throw",
        "true",
        "try",
        "typedef",
        "typeid",
        "typename",
        "union",
        "unsigned",
        "using",
        "virtual",
        "void",
        "volatile",
        "wchar_t",
        "while",
        "xor",
        "xor_eq",
        "final",
        "override",
        "import",
        "module",
        // What the header itself names, and the DSL namespaces it brings in (both dialects).
        "drizzle",
        "std",
        "main",
        "action",
        "no_action",
        "cascade",
        "set_null",
        "set_default",
        "restrict_",
        "sql",
        "Sql",
        "ref",
        "ColumnRef",
        "ReferenceOptions",
        "PrimaryKeyOptions",
        "SequenceParams",
        "ColumnBuilder",
        "LengthOptions",
        "NumericOptions",
        "TimeOptions",
        "IntegerMode",
        "IntegerOptions",
        "TextMode",
        "TextOptions",
        "BlobMode",
        "BlobOptions",
        "GeneratedMode",
        "GeneratedOptions",
        "serial",
        "smallserial",
        "bigserial",
        "integer",
        "smallint",
        "bigint",
        "text",
        "varchar",
        "char_",
        "boolean",
        "numeric",
        "real",
        "blob",
        "double_precision",
        "date",
        "time",
        "timestamp",
        "interval",
        "json",
        "jsonb",
        "uuid",
        "inet",
        "cidr",
        "macaddr",
        "custom_type",
        "IndexTarget",
        "TableExtra",
        "index",
        "unique_index",
        "primary_key",
        "foreign_key",
        "unique",
        "check",
        "PolicyOptions",
        "pg_policy",
        "TableHandle",
        "ViewHandle",
        "pg_table",
        "sqlite_table",
        "sqlite_view",
        "sqlite_existing_view",
        "EnumHandle",
        "Declared",
        "ViewOptions",
        "SchemaHandle",
        "pg_schema",
        "pg_enum",
        "pg_sequence",
        "pg_view",
        "pg_materialized_view",
        "RoleOptions",
        "pg_role",
        "dsl",
        "pg",
        "sqlite",
        "Text",
        "detail",
        "checked_pg_table",
        "checked_sqlite_table",
        "DRIZZLE_DSL_CHECK",
        // Macros GNU mode predefines, and names the C library declares globally through the
        // standard headers the DSL includes (a variable of the same name would not compile).
        "linux",
        "unix",
        "i386",
        "errno",
        "assert",
        "NULL",
        "EOF",
        "INT64_MIN",
        "INT64_MAX",
        "stdin",
        "stdout",
        "stderr",
        "abort",
        "abs",
        "atexit",
        "atof",
        "atoi",
        "atol",
        "bsearch",
        "calloc",
        "div",
        "exit",
        "free",
        "getenv",
        "labs",
        "ldiv",
        "malloc",
        "qsort",
        "rand",
        "random",
        "realloc",
        "srand",
        "system",
        "strtod",
        "strtol",
        "strtoul",
        "printf",
        "fprintf",
        "sprintf",
        "snprintf",
        "scanf",
        "sscanf",
        "puts",
        "gets",
        "getc",
        "putc",
        "getchar",
        "putchar",
        "fopen",
        "fclose",
        "fread",
        "fwrite",
        "fflush",
        "fseek",
        "ftell",
        "rewind",
        "remove",
        "rename",
        "tmpfile",
        "tmpnam",
        "perror",
        "feof",
        "ferror",
        "fgets",
        "fputs",
        "memcpy",
        "memmove",
        "memset",
        "memcmp",
        "memchr",
        "strcpy",
        "strncpy",
        "strcat",
        "strcmp",
        "strncmp",
        "strlen",
        "strchr",
        "strrchr",
        "strstr",
        "strtok",
        "strerror",
        "strdup",
        "rindex",
        "acos",
        "asin",
        "atan",
        "atan2",
        "ceil",
        "cos",
        "cosh",
        "exp",
        "fabs",
        "floor",
        "fmod",
        "frexp",
        "ldexp",
        "log",
        "log10",
        "log2",
        "modf",
        "pow",
        "sin",
        "sinh",
        "sqrt",
        "tan",
        "tanh",
        "round",
        "trunc",
        "nan",
        "hypot",
        "cbrt",
        "erf",
        "gamma",
        "lgamma",
        "tgamma",
        "y0",
        "y1",
        "yn",
        "j0",
        "j1",
        "jn",
        "isnan",
        "isinf",
        "fmin",
        "fmax",
        "fma",
        "remainder",
        "clock",
        "difftime",
        "mktime",
        "asctime",
        "ctime",
        "gmtime",
        "localtime",
        "strftime",
        "timezone",
        "daylight",
        "tzname",
        "tm",
        "timespec",
        "signal",
        "raise",
        "setjmp",
        "longjmp",
        "read",
        "write",
        "open",
        "close",
        "sleep",
        "usleep",
        "pipe",
        "fork",
        "dup",
        "dup2",
        "link",
        "unlink",
        "access",
        "chdir",
        "getpid",
        "kill",
        "wait",
        "select",
        "stat",
        "sync",
        "nice",
        "alarm",
        "pause",
        "environ",
        "size_t",
        "ptrdiff_t",
        "int8_t",
        "int16_t",
        "int32_t",
        "int64_t",
        "uint8_t",
        "uint16_t",
        "uint32_t",
        "uint64_t",
        "intptr_t",
        "uintptr_t",
        "clone",
        "sched_yield",
        "nanosleep",
        "locale",
        "setlocale",
        "isalpha",
        "isdigit",
        "isspace",
        "toupper",
        "tolower",
        "va_list",
        "offsetof",
        "max_align_t",
        "nullptr_t",
        "byte",
        "wctype",
        "towlower",
        "towupper",
        "mbstate_t",
        "wint_t",
        "iswalpha",
        "btowc",
        "wctob",
        "mblen",
        "mbtowc",
        "wctomb",
    };
    // clang-format on
    return reserved.count(identifier) > 0;
}

std::string IdentifierPool::join(std::string_view first, std::string_view second) const {
    if (first.empty()) return std::string(second);
    if (second.empty()) return std::string(first);
    if (casing_ == Casing::preserve) return std::string(first) + "_" + std::string(second);
    std::string tail(second);
    tail[0] = upper(tail[0]);
    return std::string(first) + tail;
}

bool IdentifierPool::free(const std::string& identifier) const {
    return !identifier.empty() && !std::isdigit(static_cast<unsigned char>(identifier[0])) &&
           !is_reserved_identifier(identifier) && used_.count(identifier) == 0;
}

std::string IdentifierPool::take(std::string_view name, std::string_view schema, std::string_view kind) {
    std::string base = identifier_words(name, casing_);
    // Nothing usable (`"???"`) or a leading digit (`2fa_codes`): the kind word goes in front.
    if (base.empty()) {
        base = std::string(kind);
    } else if (std::isdigit(static_cast<unsigned char>(base[0]))) {
        base = join(kind, base);
    }
    const std::string schema_words = identifier_words(schema, casing_);
    std::vector<std::string> candidates = {base};
    if (!schema_words.empty()) candidates.push_back(join(schema_words, base));
    candidates.push_back(join(base, kind));
    if (!schema_words.empty()) candidates.push_back(join(join(schema_words, base), kind));
    for (const auto& candidate : candidates) {
        if (free(candidate)) {
            used_.insert(candidate);
            return candidate;
        }
    }
    const std::string last = candidates.back();
    for (int n = 2;; ++n) {
        std::string candidate = last + (casing_ == Casing::preserve ? "_" : "") + std::to_string(n);
        if (free(candidate)) {
            used_.insert(candidate);
            return candidate;
        }
    }
}

}  // namespace drizzle::pull::detail
