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

void Context::fail(const Expr& where, const std::string& what) const {
    throw Unsupported(place_text(where.where) + ": " + what);
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
    if (!strip(binding_.dsl_namespace()) && !strip({"drizzle", "dsl"})) {
        // Unqualified (or `action::...`): found only through `using namespace`, and never when a
        // variable of the header has that name.
        if (global || !using_dsl_.back()) return std::nullopt;
        if (path.empty() && names_.count(e.text) != 0) return std::nullopt;
    }
    std::string name;
    for (const auto& part : path)
        name += part + "::";
    return name + e.text;
}

std::optional<std::string> Context::called_dsl_name(const Expr& call) const {
    if (call.kind != Expr::Kind::call) return std::nullopt;
    return dsl_name(call.children.front());
}

const std::any* Context::variable_value(const Expr& e) const {
    if (e.kind != Expr::Kind::name || e.parenthesized) return nullptr;
    for (const auto& part : e.qualifiers) {
        if (part.empty()) continue;
        bool known = false;
        for (const auto& ns : user_namespaces_)
            known = known || ns == part;
        if (!known) return nullptr;
    }
    const auto found = names_.find(e.text);
    if (found == names_.end() || visible_files_.count(found->second->file) == 0) return nullptr;
    return &found->second->value;
}

std::any& Context::kept_variable(const Expr& where, const std::string& name) {
    if (binding_.is_dsl_name(name)) fail(where, "a variable named like the DSL's own `" + name + "`");
    // Two variables of one name (in different namespaces) would need C++'s lookup to tell apart.
    if (names_.count(name) != 0) fail(where, "a second variable named `" + name + "`");
    Variable& kept = values_.emplace_back();
    kept.file = current_file_;
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

void Context::begin_unit() {
    visible_files_.clear();
    using_dsl_.assign(1, false);
}

void Context::make_visible(int file) {
    visible_files_.insert(file);
}

void Context::open_namespace(const std::vector<std::string>& names) {
    for (const auto& name : names)
        if (!name.empty()) user_namespaces_.push_back(name);
    // A using-directive reaches into nested namespaces.
    using_dsl_.push_back(using_dsl_.back());
}

void Context::close_namespace() {
    using_dsl_.pop_back();
}

void Context::use_namespace(const Expr& where, const std::vector<std::string>& path) {
    std::vector<std::string> plain = path;
    if (!plain.empty() && plain.front().empty()) plain.erase(plain.begin());
    if (plain != binding_.dsl_namespace()) {
        std::string spelled;
        for (const auto& part : path)
            spelled += (spelled.empty() ? "" : "::") + part;
        fail(where, "`using namespace " + spelled + "`");
    }
    using_dsl_.back() = true;
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
        if (context_ != nullptr) context_->begin_unit();
        dsl_visible_ = false;
        include_file(header, Place{});
    }

private:
    /// What a file brings to a unit that includes it: itself and what it includes, the DSL
    /// header, and a `using namespace` at its top level.
    struct Effects {
        std::vector<int> files;
        bool dsl = false;
        bool using_dsl = false;
    };

    /// Reads `path` (or, read before, applies what it brought) and returns its effects.
    const Effects& include_file(const fs::path& path, const Place& from) {
        std::error_code error;
        const std::string canonical = fs::weakly_canonical(path, error).string();
        if (error) throw Unsupported((from.file ? place_text(from) + ": " : "") + path.string() + ": cannot resolve");
        if (const auto done = done_.find(canonical); done != done_.end()) {
            apply(done->second);
            return done->second;
        }
        // #pragma once or a guard: a file including itself again sees nothing the second time.
        if (!reading_.insert(canonical).second) return nothing_;
        const int file = static_cast<int>(files_.size());
        const std::string& name = files_.emplace_back(path.string());
        Effects effects;
        effects.files.push_back(file);
        if (context_ != nullptr) {
            context_->make_visible(file);
            context_->set_current_file(file);
        }
        const std::string text = file_text(path);
        std::size_t depth = 0; // open namespace blocks
        HeaderParser parser(text, name);
        while (const auto declaration = parser.next()) {
            const Declaration& d = *declaration;
            switch (d.kind) {
            case Declaration::Kind::include: {
                if (depth != 0) throw Unsupported(place_text(d.where) + ": an #include inside a namespace");
                const Effects& included = include(d, path.parent_path());
                effects.files.insert(effects.files.end(), included.files.begin(), included.files.end());
                effects.dsl = effects.dsl || included.dsl;
                effects.using_dsl = effects.using_dsl || included.using_dsl;
                if (context_ != nullptr) context_->set_current_file(file);
                break;
            }
            case Declaration::Kind::guard:
                if (!guards_.insert(d.text).second)
                    throw Unsupported(place_text(d.where) + ": the include guard " + d.text + " is used twice");
                break;
            case Declaration::Kind::open_namespace: {
                std::vector<std::string> names = d.qualifiers;
                names.push_back(d.text);
                context(d.where).open_namespace(names);
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
                Expr where;
                where.where = d.where;
                context(d.where).use_namespace(where, namespace_path);
                if (depth == 0) effects.using_dsl = true;
                break;
            }
            case Declaration::Kind::variable:
                binding_->declare(context(d.where), d.text, d.initializer);
                break;
            }
        }
        reading_.erase(canonical);
        return done_.emplace(canonical, std::move(effects)).first->second;
    }

    void apply(const Effects& effects) {
        if (effects.dsl) dsl_visible_ = true;
        if (context_ == nullptr) return;
        for (int file : effects.files)
            context_->make_visible(file);
        if (effects.using_dsl) context_->use_namespace(Expr{}, binding_->dsl_namespace());
    }

    /// The context, once the unit has included the DSL header.
    Context& context(const Place& where) {
        if (!dsl_visible_ || context_ == nullptr)
            throw Unsupported(place_text(where) + ": a declaration before the DSL header is included");
        return *context_;
    }

    const Effects& include(const Declaration& d, const fs::path& directory) {
        if (!d.angled) {
            const fs::path beside = directory / d.text;
            if (fs::exists(beside)) return include_file(beside, d.where);
        }
        for (auto& candidate : bindings_) {
            if (d.text != candidate->header()) continue;
            if (binding_ != nullptr && binding_ != candidate.get())
                throw Unsupported(place_text(d.where) + ": DSL headers of two dialects");
            if (binding_ == nullptr) {
                binding_ = candidate.get();
                context_ = std::make_unique<Context>(*binding_);
                binding_->note_included();
                // No variable is declared before the DSL header is: the files read so far hold none.
                for (int file = 0; file < static_cast<int>(files_.size()); ++file)
                    context_->make_visible(file);
            }
            dsl_visible_ = true;
            return dsl_;
        }
        // A standard header (<cstdint>) declares nothing the reader would meet; anything else may.
        if (d.angled && d.text.find('/') == std::string::npos && d.text.find('.') == std::string::npos) return nothing_;
        throw Unsupported(place_text(d.where) + ": #include " + (d.angled ? "<" + d.text + ">" : "\"" + d.text + "\"") +
                          " (the reader follows only schema headers beside the including one, and the DSL's)");
    }

    std::vector<std::unique_ptr<DialectBinding>> bindings_ = dialect_bindings();
    const DialectBinding* binding_ = nullptr;
    std::unique_ptr<Context> context_;
    bool dsl_visible_ = false;
    std::map<std::string, Effects> done_; ///< by canonical path
    std::set<std::string> reading_;
    std::set<std::string> guards_;
    std::deque<std::string> files_; ///< places point into it
    const Effects nothing_{};
    const Effects dsl_{{}, true, false};
};

} // namespace

void read_schema_headers(const std::vector<fs::path>& headers) {
    static HeaderWalk walk; // places and kept values must outlive the registry's use of them
    for (const auto& header : headers)
        walk.read_unit(header);
}

} // namespace drizzle::dsl::reader
