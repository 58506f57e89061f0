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

/// drizzle-kit 1.0 PostgreSQL snapshot `renames` (`public.t->public.t2`, `public.t.d->public.t.d2`)
/// as decisions. The text does not say the kind: a two-part name is offered as a table, view and
/// enum rename, a three-part one as a column rename (a constraint rename then matches no question).
/// Entries of another shape (quoted `up` keys, schema renames) are skipped.
std::vector<RenameDecision> decisions_from_verbatim(const std::vector<std::string>& renames);

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
