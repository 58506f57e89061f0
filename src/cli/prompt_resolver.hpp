// Rename decisions asked on the terminal, after any given answers.
#pragma once

#include "drizzle/diff/resolver.hpp"
#include "drizzle/kit/generate.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace drizzle::cli {

/// Takes a decision from `answers` when it has one; otherwise asks on `in`/`out` when
/// `interactive`, and otherwise leaves the question open (collected for exit code 2).
class PromptResolver : public Resolver {
public:
    PromptResolver(ScriptedResolver& answers, bool interactive, std::istream& in, std::ostream& out)
        : answers_(answers), interactive_(interactive), in_(in), out_(out) {}
    std::optional<std::string> resolve(const RenameQuestion& question) override;
    const std::vector<RenameQuestion>& open_questions() const { return open_; }

private:
    ScriptedResolver& answers_;
    bool interactive_;
    std::istream& in_;
    std::ostream& out_;
    std::vector<RenameQuestion> open_;
};

/// The decisions of a command: the --answers file (read when first needed), then the terminal.
class TerminalDecisions {
public:
    explicit TerminalDecisions(std::string answers_file) : answers_file_(std::move(answers_file)) {}
    TerminalDecisions(const TerminalDecisions&) = delete;  // source() hands out `this`
    TerminalDecisions& operator=(const TerminalDecisions&) = delete;
    /// The resolver, created (and the answers file read) on the first call.
    PromptResolver& resolver();
    /// For drizzle::kit workflows.
    kit::DecisionSource source();

private:
    std::string answers_file_;
    std::optional<ScriptedResolver> answers_;
    std::optional<PromptResolver> prompt_;
};

}  // namespace drizzle::cli
