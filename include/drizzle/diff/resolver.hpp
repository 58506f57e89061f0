// Rename decisions: is a new table/column a rename of a vanished one, or a new object?
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace drizzle {

/// One question diff() asks: `name` appeared, `candidates` vanished.
struct RenameQuestion {
    enum class Kind { table, column, view, enum_ };
    Kind kind = Kind::table;
    std::string schema;
    std::string table;  ///< for columns: the table (its new name)
    std::string name;   ///< the added object
    std::vector<std::string> candidates;  ///< removed objects it may be renamed from
};

/// One answer: `from` empty = create.
struct RenameDecision {
    RenameQuestion::Kind kind = RenameQuestion::Kind::table;
    std::string schema;
    std::string table;
    std::string name;
    std::string from;
    bool is_rename() const { return !from.empty(); }
};

/// Answers rename questions. Implementations: the terminal prompt, an answers file, scripted.
class Resolver {
public:
    virtual ~Resolver() = default;
    /// The candidate `question.name` is renamed from, or std::nullopt to create it.
    /// May throw UnresolvedDecisionsError when it cannot decide.
    virtual std::optional<std::string> resolve(const RenameQuestion& question) = 0;
};

/// Answers from a fixed list of decisions (answers file, flags, tests). A question without a
/// matching decision is recorded as open; `open_questions()` lists them after diff().
class ScriptedResolver : public Resolver {
public:
    explicit ScriptedResolver(std::vector<RenameDecision> decisions = {}) : decisions_(std::move(decisions)) {}
    std::optional<std::string> resolve(const RenameQuestion& question) override;
    const std::vector<RenameQuestion>& open_questions() const { return open_; }

private:
    std::vector<RenameDecision> decisions_;
    std::vector<RenameQuestion> open_;
};

/// "table", "column", "view".
std::string to_string(RenameQuestion::Kind kind);

/// Decisions as JSON (drizzle-kit 1.0 `--hints` shape): `[{"type":"rename","kind":"table",
/// "from":["t"],"to":["t2"]}, {"type":"create","kind":"column","entity":["t2","c"]}]`.
std::string decisions_to_json(const std::vector<RenameDecision>& decisions);
/// Parses that JSON (also accepts a leading schema element in each tuple). Throws UserError
/// naming `source`.
std::vector<RenameDecision> decisions_from_json(const std::string& json, const std::string& source);
/// Open questions as JSON: `{"status":"missing_hints","unresolved":[...]}`.
std::string questions_to_json(const std::vector<RenameQuestion>& questions);

}  // namespace drizzle
