// meta/_journal.json of the legacy (drizzle-kit 0.31) layout: parsing and byte-exact rendering.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace drizzle::migrate_internal {

struct JournalEntry {
    std::int64_t idx = 0;
    std::string version;    ///< snapshot version of the dialect ("6" sqlite, "7" postgresql)
    std::int64_t when = 0;  ///< Date.now() when generated; what the migrator records
    std::string tag;        ///< file name without ".sql"
    bool breakpoints = true;
};

struct Journal {
    std::string version = "7";
    std::string dialect;
    std::vector<JournalEntry> entries;
};

/// Parses journal text; throws UserError naming `file` when it is not valid JSON or lacks the
/// fields the migrator needs (entries[].when as integer, entries[].tag as string).
Journal parse_journal(const std::string& text, const std::filesystem::path& file);

/// Returns `text` (an existing journal) with `entry` appended, formatted like drizzle-kit's
/// `JSON.stringify(journal, null, 2)`: 2-space indent, no trailing newline. Keys drizzle-kit
/// does not know are kept in place.
std::string append_journal_entry(const std::string& text, const JournalEntry& entry,
                                 const std::filesystem::path& file);

/// Returns `text` (an existing journal) without the entries tagged `tag`, formatted like
/// append_journal_entry (what drizzle-kit 0.31's `drop` writes: the other entries keep their idx).
/// Throws UserError naming `file` when the journal is malformed or has no such entry.
std::string remove_journal_entry(const std::string& text, const std::string& tag, const std::filesystem::path& file);

/// A journal with no entries in the same format (what a new legacy folder starts from).
std::string render_journal(const Journal& journal);

}  // namespace drizzle::migrate_internal
