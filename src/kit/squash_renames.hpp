// Renames across a range of migrations composed into the renames of one diff (for `squash`).
#pragma once

#include "drizzle/diff/resolver.hpp"

#include <vector>

namespace drizzle::kit::squash_internal {

/// The renames of consecutive migrations (each list in the names of its own diff) as the renames
/// of one diff from the first migration's parent to the last one's state: t→t2 then t2→t3 is
/// t→t3; a column follows its table's renames. Creates are dropped (an unanswered question means
/// "create" to DecisionReplay) and so are renames that end where they started.
std::vector<RenameDecision> compose_renames(const std::vector<std::vector<RenameDecision>>& steps);

/// Answers a diff's questions from recorded decisions: a rename when one names the question's
/// object and its source is among the candidates, otherwise "create". Never asks, never throws.
class DecisionReplay : public Resolver {
public:
    explicit DecisionReplay(std::vector<RenameDecision> decisions) : decisions_(std::move(decisions)) {}
    std::optional<std::string> resolve(const RenameQuestion& question) override;

private:
    std::vector<RenameDecision> decisions_;
};

} // namespace drizzle::kit::squash_internal
