// Pending / out-of-order / modified detection. No I/O, so it is tested directly.
#include "migrate/plan.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace drizzle {

namespace {

bool same_file(const LocalMigration& m, const std::string& hash) {
    return !hash.empty() && (m.hash == hash || m.raw_hash == hash);
}

/// Which replaced migrations of the folder's squash migrations the rows record; the other rows
/// are left in `remaining`. A named row claims a replaced migration of its name (unless a local
/// folder has that name); an unnamed one (0.45) claims one of its hash, else one of the same
/// second, unless its hash is a local file's.
std::vector<std::vector<bool>> claim_replaced_rows(const std::vector<LocalMigration>& local,
                                                   const std::vector<RecordedRow>& rows,
                                                   std::vector<RecordedRow>& remaining) {
    std::vector<std::vector<bool>> recorded(local.size());
    for (std::size_t i = 0; i < local.size(); ++i)
        recorded[i].assign(local[i].replaces.size(), false);
    std::unordered_map<std::string, std::size_t> local_names;
    for (std::size_t i = 0; i < local.size(); ++i)
        local_names.emplace(local[i].name, i);
    auto claim = [&](const auto& matches) {
        for (std::size_t i = 0; i < local.size(); ++i) {
            for (std::size_t r = 0; r < local[i].replaces.size(); ++r) {
                if (!recorded[i][r] && matches(local[i].replaces[r])) {
                    recorded[i][r] = true;
                    return true;
                }
            }
        }
        return false;
    };
    for (const auto& row : rows) {
        bool claimed = false;
        if (row.name) {
            if (!local_names.count(*row.name))
                claimed = claim([&](const ReplacedMigration& r) { return r.name == *row.name; });
        } else if (std::none_of(local.begin(), local.end(),
                                [&](const LocalMigration& m) { return same_file(m, row.hash); })) {
            claimed = claim([&](const ReplacedMigration& r) { return !row.hash.empty() && r.hash == row.hash; });
            if (auto created = parse_created_at(row.created_at); !claimed && created) {
                claimed = claim([&](const ReplacedMigration& r) { return r.created_at_ms / 1000 == *created / 1000; });
            }
        }
        if (!claimed) remaining.push_back(row);
    }
    return recorded;
}

}  // namespace

std::optional<std::int64_t> parse_created_at(const std::optional<std::string>& text) {
    if (!text || text->empty()) return std::nullopt;
    std::int64_t value = 0;
    const char* begin = text->data();
    const char* end = begin + text->size();
    auto [ptr, ec] = std::from_chars(begin, end, value);
    if (ec == std::errc() && ptr == end) return value;
    // `created_at numeric` keeps integers as INTEGER, but a value written as 1.7e12 is REAL.
    double d = 0;
    auto [dptr, dec] = std::from_chars(begin, end, d);
    if (dec == std::errc() && dptr == end && std::isfinite(d)) return static_cast<std::int64_t>(d);
    return std::nullopt;
}

std::vector<std::optional<std::size_t>> match_rows_by_time(const std::vector<LocalMigration>& local,
                                                           const std::vector<RecordedRow>& rows) {
    // drizzle-orm sorts by (folder millis, name) before building its maps; the hash map keeps
    // the last migration per hash, which the sort makes deterministic.
    std::vector<std::size_t> order(local.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (local[a].created_at_ms != local[b].created_at_ms)
            return local[a].created_at_ms < local[b].created_at_ms;
        return local[a].name < local[b].name;
    });
    std::map<std::int64_t, std::vector<std::size_t>> by_millis;
    std::unordered_map<std::string, std::size_t> by_hash;
    for (std::size_t i : order) {
        by_millis[local[i].created_at_ms].push_back(i);
        by_hash[local[i].hash] = i;
        by_hash[local[i].raw_hash] = i;
    }
    std::vector<std::optional<std::size_t>> result;
    for (const auto& row : rows) {
        std::optional<std::size_t> matched;
        auto created = parse_created_at(row.created_at);
        const std::vector<std::size_t>* candidates = nullptr;
        if (created) {
            // drizzle: String(created_at) with its last three digits replaced by "000".
            std::int64_t seconds = *created / 1000 - (*created % 1000 < 0 ? 1 : 0);
            auto it = by_millis.find(seconds * 1000);
            if (it != by_millis.end()) candidates = &it->second;
        }
        if (candidates != nullptr && candidates->size() == 1) {
            matched = candidates->front();
        } else if (candidates != nullptr) {
            for (std::size_t c : *candidates) {
                if (same_file(local[c], row.hash)) {
                    matched = c;
                    break;
                }
            }
        } else if (auto it = by_hash.find(row.hash); it != by_hash.end() && !row.hash.empty()) {
            matched = it->second;
        }
        result.push_back(matched);
    }
    return result;
}

MigrationPlan plan_migrations(FolderLayout layout, const std::vector<LocalMigration>& local,
                              const std::vector<RecordedRow>& all_rows) {
    // Rows of migrations a squash replaced identify no file of their own (drizzle-kit squash).
    const bool has_squash =
        std::any_of(local.begin(), local.end(), [](const LocalMigration& m) { return !m.replaces.empty(); });
    std::vector<RecordedRow> other_rows;
    std::vector<std::vector<bool>> replaced_recorded;
    if (has_squash) replaced_recorded = claim_replaced_rows(local, all_rows, other_rows);
    const std::vector<RecordedRow>& rows = has_squash ? other_rows : all_rows;
    std::vector<bool> applied(local.size(), false);
    std::vector<std::string> recorded_hash(local.size());
    std::vector<RecordedRow> unidentified;
    auto mark = [&](std::size_t i, const RecordedRow& row) {
        applied[i] = true;
        recorded_hash[i] = row.hash;
    };

    if (layout == FolderLayout::v1) {
        std::unordered_map<std::string, std::size_t> by_name;
        for (std::size_t i = 0; i < local.size(); ++i) by_name.emplace(local[i].name, i);
        std::vector<RecordedRow> unnamed;
        for (const auto& row : rows) {
            if (!row.name) {
                unnamed.push_back(row);
            } else if (auto it = by_name.find(*row.name); it != by_name.end()) {
                mark(it->second, row);
            } else {
                // drizzle-orm 1.0 ignores it; a deleted file is reported (migrate --allow-missing).
                unidentified.push_back(row);
            }
        }
        // Rows a 0.45 migrator added after the table was upgraded have no name: date them.
        auto matches = match_rows_by_time(local, unnamed);
        for (std::size_t r = 0; r < unnamed.size(); ++r) {
            if (matches[r]) {
                mark(*matches[r], unnamed[r]);
            } else {
                unidentified.push_back(unnamed[r]);
            }
        }
    } else {
        std::multimap<std::int64_t, std::size_t> by_when;
        for (std::size_t i = 0; i < local.size(); ++i) by_when.emplace(local[i].created_at_ms, i);
        for (const auto& row : rows) {
            auto when = parse_created_at(row.created_at);
            if (!when) continue;
            auto [first, last] = by_when.equal_range(*when);
            std::optional<std::size_t> chosen;
            // Equal `when`s only happen in hand-edited journals; the hash decides, then order.
            for (auto it = first; it != last; ++it) {
                if (!applied[it->second] && same_file(local[it->second], row.hash)) {
                    chosen = it->second;
                    break;
                }
            }
            for (auto it = first; it != last && !chosen; ++it) {
                if (!applied[it->second]) chosen = it->second;
            }
            if (chosen) {
                mark(*chosen, row);
            } else {
                unidentified.push_back(row);
            }
        }
    }

    MigrationPlan plan;
    for (std::size_t i = 0; i < replaced_recorded.size(); ++i) {
        if (applied[i] || local[i].replaces.empty()) continue;
        PartialSquash partial{i, {}, {}};
        for (std::size_t r = 0; r < local[i].replaces.size(); ++r)
            (replaced_recorded[i][r] ? partial.recorded : partial.not_recorded).push_back(local[i].replaces[r].name);
        if (partial.not_recorded.empty()) {
            applied[i] = true; // recorded_hash stays empty: nothing to compare the file with
            plan.applied_through_replaces.push_back(i);
        } else if (!partial.recorded.empty()) {
            plan.partial_squashes.push_back(std::move(partial));
        }
    }
    std::stable_sort(unidentified.begin(), unidentified.end(),
                     [](const RecordedRow& a, const RecordedRow& b) { return a.key < b.key; });
    for (auto& row : unidentified) {
        MissingMigration missing{std::move(row), std::nullopt};
        for (std::size_t i = 0; i < local.size() && !missing.same_hash; ++i) {
            if (same_file(local[i], missing.row.hash)) missing.same_hash = i;
        }
        plan.missing.push_back(std::move(missing));
    }
    std::optional<std::size_t> last_applied;    // latest in folder order
    std::optional<std::size_t> newest_applied;  // latest by time
    for (std::size_t i = 0; i < local.size(); ++i) {
        if (!applied[i]) continue;
        ++plan.applied;
        last_applied = i;
        if (!newest_applied || local[i].created_at_ms > local[*newest_applied].created_at_ms)
            newest_applied = i;
        // An empty recorded hash (bun-sqlite's migrator) says nothing about the file.
        if (!recorded_hash[i].empty() && !same_file(local[i], recorded_hash[i]))
            plan.modified.push_back({i, recorded_hash[i]});
    }
    for (std::size_t i = 0; i < local.size(); ++i) {
        if (applied[i]) continue;
        plan.pending.push_back(i);
        if (last_applied && *last_applied > i) {
            plan.out_of_order.push_back({i, *last_applied});
        } else if (newest_applied && local[*newest_applied].created_at_ms > local[i].created_at_ms) {
            plan.out_of_order.push_back({i, *newest_applied});
        }
    }
    return plan;
}

}  // namespace drizzle
