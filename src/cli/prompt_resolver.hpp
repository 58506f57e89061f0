// Rename decisions asked on the terminal, after any given answers.
#pragma once

#include "drizzle/diff/resolver.hpp"

#include <iosfwd>

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

}  // namespace drizzle::cli
