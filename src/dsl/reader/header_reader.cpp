// The compiler-free header reader: files, includes, namespaces and variables, and the typed
// literals every dialect's binding reads its arguments with.
#include "dsl/reader/header_reader.hpp"

#include "drizzle/dsl/registry.hpp"

#include <climits>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <set>

namespace drizzle::dsl::reader {

namespace fs = std::filesystem;

void Context::fail(const Place& where, const std::string& what) const {
    throw Unsupported(place_text(where) + ": " + what);
}

void Context::require_arguments(const Expr& call, std::size_t low, std::size_t high, const std::string& what) const {
    const std::size_t given = call.children.size() - 1;
    if (given < low || given > high) fail(call, what + " with another number of arguments");
}

const Expr& Context::unwrap(const Expr& e) {
    const Expr* x = &e;
    while (x->kind == Expr::Kind::lambda)
        x = &x->children.front();
    return *x;
}

std::span<const Expr> Context::arguments(const Expr& call) {
    return std::span<const Expr>(call.children).subspan(1);
}

std::optional<std::string> Context::dsl_name(const Expr& e) const {
    if (e.kind != Expr::Kind::name) return std::nullopt;
    std::vector<std::string> path = e.qualifiers;
    const bool global = !path.empty() && path.front().empty();
    if (global) path.erase(path.begin());
    auto strip = [&path](const std::vector<std::string>& prefix) {
        if (path.size() < prefix.size() || !std::equal(prefix.begin(), prefix.end(), path.begin())) return false;
        path.erase(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(prefix.size()));
        return true;
    };
    bool shared_only = false;
    if (strip(binding_.dsl_namespace())) {
        // drizzle::pg::dsl::pg_table
    } else if (strip({"drizzle", "dsl"})) {
        shared_only = true; // only what dsl/common.hpp itself declares is there
    } else {
        // Unqualified (or `action::...`): found only through `using namespace`, and never when a
        // variable or namespace of the header has that name.
        if (global || !scope_.using_dsl.back()) return std::nullopt;
        const std::string& first = path.empty() ? e.text : path.front();
        if (names_.count(first) != 0 || namespace_names_.count(first) != 0) return std::nullopt;
    }
    std::string name;
    for (const auto& part : path)
        name += part + "::";
    name += e.text;
    static const std::set<std::string> shared = {"sql",
                                                 "ref",
                                                 "IndexTarget",
                                                 "Text",
                                                 "action::no_action",
                                                 "action::cascade",
                                                 "action::set_null",
                                                 "action::set_default",
                                                 "action::restrict_"};
    if (shared_only && shared.count(name) == 0) return std::nullopt;
    return name;
}

bool Context::names_shared_dsl(const Expr& e) {
    if (e.kind != Expr::Kind::name) return false;
    std::vector<std::string> path = e.qualifiers;
    if (!path.empty() && path.front().empty()) path.erase(path.begin());
    return path.size() >= 2 && path[0] == "drizzle" && path[1] == "dsl";
}

std::optional<std::string> Context::called_dsl_name(const Expr& call) const {
    if (call.kind != Expr::Kind::call) return std::nullopt;
    return dsl_name(call.children.front());
}

const std::any* Context::variable_value(const Expr& e) const {
    if (e.kind != Expr::Kind::name || e.parenthesized) return nullptr;
    const auto found = names_.find(e.text);
    if (found == names_.end() || scope_.visible_files.count(found->second->file) == 0) return nullptr;
    const Variable& variable = *found->second;
    // C++'s lookup of a namespace member: unqualified from the namespace it is in or one inside
    // it; qualified from the global namespace (::a::x) or from any enclosing one (a::x).
    const std::vector<std::string>& here = scope_.namespaces.back();
    std::vector<std::string> qualifiers = e.qualifiers;
    const bool global = !qualifiers.empty() && qualifiers.front().empty();
    if (global) qualifiers.erase(qualifiers.begin());
    if (qualifiers.empty()) {
        const bool enclosing = variable.namespace_.size() <= here.size() &&
                               std::equal(variable.namespace_.begin(), variable.namespace_.end(), here.begin());
        return !global && enclosing ? &variable.value : nullptr;
    }
    for (std::size_t depth = global ? 0 : here.size();; --depth) {
        std::vector<std::string> path(here.begin(), here.begin() + static_cast<std::ptrdiff_t>(depth));
        path.insert(path.end(), qualifiers.begin(), qualifiers.end());
        if (path == variable.namespace_) return &variable.value;
        if (depth == 0) return nullptr;
    }
}

std::any& Context::kept_variable(const Expr& where, const std::string& name) {
    // Two variables of one name (in different namespaces) would need C++'s lookup to tell apart.
    if (names_.count(name) != 0) fail(where, "a second variable named `" + name + "`");
    if (namespace_names_.count(name) != 0) fail(where, "a variable named like a namespace, `" + name + "`");
    Variable& kept = values_.emplace_back();
    kept.file = current_file_;
    kept.namespace_ = scope_.namespaces.back();
    names_[name] = &kept;
    return kept.value;
}

Text Context::text(const Expr& e) {
    const Expr& x = unwrap(e);
    if (x.kind == Expr::Kind::string) {
        if (x.text.find('\0') != std::string::npos) fail(x, "a NUL byte in a string literal");
        return intern(x.text);
    }
    if (x.kind == Expr::Kind::braced && x.children.empty()) return {};
    if (const auto name = dsl_name(x)) {
        static const std::pair<const char*, const char*> actions[] = {{"action::no_action", action::no_action},
                                                                      {"action::cascade", action::cascade},
                                                                      {"action::set_null", action::set_null},
                                                                      {"action::set_default", action::set_default},
                                                                      {"action::restrict_", action::restrict_}};
        for (const auto& [spelled, value] : actions)
            if (*name == spelled) return Text(value);
    }
    fail(x, "expected a string literal");
}

int Context::int_value(const Expr& e) const {
    const Expr& x = unwrap(e);
    if (x.kind != Expr::Kind::integer || x.integer < INT_MIN || x.integer > INT_MAX) fail(x, "expected an int literal");
    return static_cast<int>(x.integer);
}

std::int64_t Context::int64_value(const Expr& e) const {
    const Expr& x = unwrap(e);
    if (x.kind == Expr::Kind::integer) return x.integer;
    if (x.kind == Expr::Kind::name && x.qualifiers.empty() && !x.parenthesized) {
        if (x.text == "INT64_MIN") return INT64_MIN;
        if (x.text == "INT64_MAX") return INT64_MAX;
    }
    fail(x, "expected an integer literal");
}

bool Context::bool_value(const Expr& e) const {
    const Expr& x = unwrap(e);
    if (x.kind != Expr::Kind::boolean) fail(x, "expected true or false");
    return x.boolean;
}

ListView<Text> Context::text_list(const Expr& e) {
    const Expr& x = unwrap(e);
    if (x.kind != Expr::Kind::braced || !x.designators.empty()) fail(x, "expected a braced list of strings");
    std::vector<Text> items;
    for (const auto& item : x.children)
        items.push_back(text(item));
    return keep_list(std::move(items));
}

ListView<Option> Context::option_list(const Expr& e) {
    const Expr& x = unwrap(e);
    if (x.kind != Expr::Kind::braced || !x.designators.empty()) fail(x, "expected a braced list of {key, value}");
    std::vector<Option> items;
    for (const auto& item : x.children) {
        Option option;
        fields(item, {"key", "value"}, [&](const std::string& field, const Expr& value) {
            (field == "key" ? option.key : option.value) = text(value);
        });
        items.push_back(option);
    }
    return keep_list(std::move(items));
}

Context::Scope Context::enter_file(int file) {
    Scope includer = std::move(scope_);
    scope_ = Scope{};
    scope_.visible_files.insert(file);
    current_file_ = file;
    return includer;
}

void Context::leave_file(Scope includer, int includer_file) {
    scope_ = std::move(includer);
    // The includer may have been entered before the DSL header (and this context) existed.
    scope_.visible_files.insert(includer_file);
    current_file_ = includer_file;
}

void Context::make_visible(int file) {
    scope_.visible_files.insert(file);
}

void Context::open_namespace(const Place& where, const std::vector<std::string>& names) {
    std::vector<std::string> path = scope_.namespaces.back();
    for (const auto& name : names) {
        if (name.empty()) continue; // an anonymous namespace's members are its enclosing one's
        if (names_.count(name) != 0) fail(where, "a namespace named like a variable, `" + name + "`");
        namespace_names_.insert(name);
        path.push_back(name);
    }
    scope_.namespaces.push_back(std::move(path));
    // A using-directive reaches into nested namespaces.
    scope_.using_dsl.push_back(scope_.using_dsl.back());
}

void Context::close_namespace() {
    scope_.namespaces.pop_back();
    scope_.using_dsl.pop_back();
}

void Context::use_namespace(const Place& where, const std::vector<std::string>& path) {
    std::vector<std::string> plain = path;
    if (!plain.empty() && plain.front().empty()) plain.erase(plain.begin());
    if (plain != binding_.dsl_namespace()) {
        std::string spelled;
        for (const auto& part : path)
            spelled += (spelled.empty() ? "" : "::") + part;
        fail(where, "`using namespace " + spelled + "`");
    }
    scope_.using_dsl.back() = true;
}

namespace {

std::string file_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Unsupported(path.string() + ": cannot read");
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

/// Walks the headers in order, each file once, with the one dialect binding they include.
class HeaderWalk {
public:
    /// One header given: a translation unit of its own.
    void read_unit(const fs::path& header) {
        in_unit_.clear();
        include_file(header, Place{});
    }

private:
    /// What a file brings to a file that includes it: itself and what it includes, the DSL
    /// header, and a `using namespace` at its top level. Whether it may be included twice.
    struct Effects {
        std::vector<int> files;
        bool dsl = false;
        bool using_dsl = false;
        bool once = false; ///< #pragma once or an include guard
    };

    /// What the file being read sees: its own scope in the context, and whether it has the DSL.
    struct FileState {
        Context::Scope scope;
        int file = 0;
        bool dsl_visible = false;
    };

    /// Reads `path` (or, read before, applies what it brought) and returns its effects.
    const Effects& include_file(const fs::path& path, const Place& from) {
        auto where = [&] { return from.file != nullptr ? place_text(from) + ": " : std::string(); };
        std::error_code error;
        if (!fs::is_regular_file(path, error)) throw Unsupported(where() + path.string() + ": not a file");
        const std::string canonical = fs::weakly_canonical(path, error).string();
        if (error) throw Unsupported(where() + path.string() + ": cannot resolve");
        if (const auto done = done_.find(canonical); done != done_.end()) {
            // Twice in one translation unit: only a guarded file means nothing the second time.
            if (!in_unit_.insert(canonical).second && !done->second.once)
                throw Unsupported(where() + path.string() + " included twice without #pragma once or a guard");
            apply(done->second);
            return done->second;
        }
        if (!reading_.insert(canonical).second) throw Unsupported(where() + path.string() + " includes itself");
        in_unit_.insert(canonical);
        const int file = static_cast<int>(files_.size());
        const std::string& name = files_.emplace_back(path.string());
        Effects effects;
        effects.files.push_back(file);

        // The file is read in a scope of its own: what it declares cannot depend on its includer.
        FileState includer = enter(file);
        const std::string text = file_text(path);
        HeaderParser parser(text, name);
        std::size_t depth = 0; // open namespace blocks
        while (const auto declaration = parser.next()) {
            const Declaration& d = *declaration;
            switch (d.kind) {
            case Declaration::Kind::include: {
                if (depth != 0) throw Unsupported(place_text(d.where) + ": an #include inside a namespace");
                const Effects& included = include(d, path.parent_path());
                effects.files.insert(effects.files.end(), included.files.begin(), included.files.end());
                effects.dsl = effects.dsl || included.dsl;
                effects.using_dsl = effects.using_dsl || included.using_dsl;
                break;
            }
            case Declaration::Kind::guard:
                effects.once = true;
                if (!d.text.empty() && !guards_.insert(d.text).second)
                    throw Unsupported(place_text(d.where) + ": the include guard " + d.text + " is used twice");
                break;
            case Declaration::Kind::open_namespace: {
                std::vector<std::string> names = d.qualifiers;
                names.push_back(d.text);
                context(d.where).open_namespace(d.where, names);
                ++depth;
                break;
            }
            case Declaration::Kind::close_namespace:
                context(d.where).close_namespace();
                --depth;
                break;
            case Declaration::Kind::using_namespace: {
                std::vector<std::string> namespace_path = d.qualifiers;
                namespace_path.push_back(d.text);
                context(d.where).use_namespace(d.where, namespace_path);
                if (depth == 0) effects.using_dsl = true;
                break;
            }
            case Declaration::Kind::variable:
                binding_->declare(context(d.where), d.text, d.initializer);
                break;
            }
        }
        leave(std::move(includer));
        reading_.erase(canonical);
        const Effects& kept = done_.emplace(canonical, std::move(effects)).first->second;
        apply(kept);
        return kept;
    }

    FileState enter(int file) {
        FileState includer;
        includer.file = current_.file;
        includer.dsl_visible = current_.dsl_visible;
        if (context_ != nullptr) includer.scope = context_->enter_file(file);
        current_ = FileState{};
        current_.file = file;
        return includer;
    }

    void leave(FileState includer) {
        if (context_ != nullptr) context_->leave_file(std::move(includer.scope), includer.file);
        current_.file = includer.file;
        current_.dsl_visible = includer.dsl_visible;
    }

    /// What an included file brings into the file that includes it.
    void apply(const Effects& effects) {
        if (effects.dsl) current_.dsl_visible = true;
        if (context_ == nullptr) return;
        for (int file : effects.files)
            context_->make_visible(file);
        if (effects.using_dsl) context_->use_namespace(Place{}, binding_->dsl_namespace());
    }

    /// The context, once the file has included the DSL header.
    Context& context(const Place& where) {
        if (!current_.dsl_visible || context_ == nullptr)
            throw Unsupported(place_text(where) + ": a declaration before the DSL header is included");
        return *context_;
    }

    const Effects& include(const Declaration& d, const fs::path& directory) {
        if (d.text.empty()) throw Unsupported(place_text(d.where) + ": an empty #include");
        if (!d.angled) {
            const fs::path beside = directory / d.text;
            std::error_code error;
            if (fs::exists(beside, error)) return include_file(beside, d.where);
        }
        for (auto& candidate : bindings_) {
            if (d.text != candidate->header()) continue;
            if (binding_ != nullptr && binding_ != candidate.get())
                throw Unsupported(place_text(d.where) + ": DSL headers of two dialects");
            if (binding_ == nullptr) {
                binding_ = candidate.get();
                context_ = std::make_unique<Context>(*binding_);
                binding_->note_included();
                // The context starts in the file being read, which sees itself.
                context_->enter_file(current_.file);
            }
            current_.dsl_visible = true;
            return dsl_;
        }
        // Standard headers the DSL includes itself: they add nothing a header could name here.
        for (const char* standard : {"cstdint", "cstddef", "initializer_list"})
            if (d.angled && d.text == standard) return nothing_;
        throw Unsupported(place_text(d.where) + ": #include " + (d.angled ? "<" + d.text + ">" : "\"" + d.text + "\"") +
                          " (the reader follows only schema headers beside the including one, and the DSL's)");
    }

    std::vector<std::unique_ptr<DialectBinding>> bindings_ = dialect_bindings();
    const DialectBinding* binding_ = nullptr;
    std::unique_ptr<Context> context_;
    FileState current_;
    std::map<std::string, Effects> done_; ///< by canonical path
    std::set<std::string> reading_;
    std::set<std::string> in_unit_;
    std::set<std::string> guards_;
    std::deque<std::string> files_; ///< places point into it
    const Effects nothing_{};
    const Effects dsl_{{}, true, false, true};
};

} // namespace

void read_schema_headers(const std::vector<fs::path>& headers) {
    static HeaderWalk walk; // places and kept values must outlive the registry's use of them
    for (const auto& header : headers)
        walk.read_unit(header);
}

} // namespace drizzle::dsl::reader
