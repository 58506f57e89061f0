// Writing a squash: new folder built aside and renamed in, replaced folders moved aside, then deleted.
#include "drizzle/kit/squash.hpp"

#include "drizzle/error.hpp"
#include "drizzle/migrate/replaces.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace drizzle::kit {

namespace fs = std::filesystem;

namespace {

void rename_or_throw(const fs::path& from, const fs::path& to) {
    if (std::rename(from.c_str(), to.c_str()) != 0) {
        const int err = errno;
        throw Error("cannot move " + from.string() + " to " + to.string() + ": " + std::strerror(err));
    }
}

/// Moves the range's folders into `trash`; on failure puts back those already moved and rethrows.
void move_aside(const SquashPlan& plan, const fs::path& trash) {
    fs::create_directory(trash);
    std::vector<std::string> moved;
    try {
        for (std::size_t i = plan.first; i <= plan.last; ++i) {
            const std::string& name = plan.folder.entries[i].name;
            rename_or_throw(plan.folder.dir / name, trash / name);
            moved.push_back(name);
        }
    } catch (...) {
        for (const auto& name : moved)
            std::rename((trash / name).c_str(), (plan.folder.dir / name).c_str());
        std::error_code ignored;
        fs::remove(trash, ignored);
        throw;
    }
}

void put_back(const SquashPlan& plan, const fs::path& trash) {
    for (std::size_t i = plan.first; i <= plan.last; ++i) {
        const std::string& name = plan.folder.entries[i].name;
        std::rename((trash / name).c_str(), (plan.folder.dir / name).c_str());
    }
    std::error_code ignored;
    fs::remove(trash, ignored);
}

} // namespace

fs::path write_squash(const SquashPlan& plan) {
    const fs::path& dir = plan.folder.dir;
    // The folder may have changed since it was planned: every replaced folder must still be there.
    for (std::size_t i = plan.first; i <= plan.last; ++i) {
        if (!fs::exists(plan.folder.entries[i].sql_path)) {
            throw UserError(plan.folder.entries[i].sql_path.string() +
                            " is gone since the squash was planned; run it again");
        }
    }
    const std::string tag = new_snapshot_id().substr(0, 8);
    const fs::path temp = dir / (".tmp-" + plan.folder_name + "-" + tag);
    const fs::path trash = dir / (".squashed-" + tag);
    const fs::path final_dir = dir / plan.folder_name;
    fs::create_directory(temp);
    try {
        write_file_atomically(temp / "migration.sql", plan.sql);
        write_file_atomically(temp / "snapshot.json", write_snapshot(plan.snapshot));
        write_file_atomically(temp / kReplacesFile, replaces_to_json(plan.replaces));
        if (!plan.down_sql.empty()) write_file_atomically(temp / "down.sql", plan.down_sql);
        if (!plan.renames.empty())
            write_file_atomically(temp / "decisions.json", decisions_to_json(plan.renames) + "\n");
        bool name_in_range = false;
        for (std::size_t i = plan.first; i <= plan.last; ++i)
            name_in_range = name_in_range || plan.folder.entries[i].name == plan.folder_name;
        if (name_in_range) {
            // The new folder takes a replaced one's name: that one has to leave first.
            move_aside(plan, trash);
            try {
                rename_or_throw(temp, final_dir);
            } catch (...) {
                put_back(plan, trash);
                throw;
            }
        } else {
            // rename(2) does not replace a non-empty folder: one created meanwhile is not overwritten.
            rename_or_throw(temp, final_dir);
            try {
                move_aside(plan, trash);
            } catch (...) {
                rename_or_throw(final_dir, temp);
                throw;
            }
        }
    } catch (...) {
        std::error_code ignored;
        fs::remove_all(temp, ignored);
        throw;
    }
    // Hidden, so the folder reads right even if deleting it fails.
    std::error_code ignored;
    fs::remove_all(trash, ignored);
    return final_dir / "migration.sql";
}

} // namespace drizzle::kit
