// `pull` (alias `introspect`): write the live database's schema as a C++ header plus a baseline migration.
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "drizzle/dialect/registry.hpp"
#include "drizzle/kit/dialect_sql.hpp"
#include "drizzle/kit/live_schema.hpp"
#include "drizzle/kit/pull.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace drizzle::cli {

namespace fs = std::filesystem;

namespace {

pull::Casing casing_of(const PullOptions& options, const Config& config) {
    const std::string text = !options.casing.empty() ? options.casing : config.introspect_casing.value_or("camel");
    auto casing = pull::parse_casing(text);
    if (!casing) throw UserError("introspect casing \"" + text + "\": use camel or preserve");
    return *casing;
}

std::string counted(std::size_t n, const std::string& what) {
    return std::to_string(n) + " " + what;
}

// drizzle-kit's progress lines, one per kind of object the dialect has.
void print_fetched(const Schema& schema) {
    const kit::ObjectCounts n = kit::count_objects(schema);
    const DialectFacts::ObjectKinds kinds = dialect_facts(schema.dialect).object_kinds();
    print_success(counted(n.tables, "tables fetched"));
    print_success(counted(n.columns, "columns fetched"));
    if (kinds.enums) print_success(counted(n.enums, "enums fetched"));
    if (kinds.sequences) print_success(counted(n.sequences, "sequences fetched"));
    print_success(counted(n.indexes, "indexes fetched"));
    print_success(counted(n.foreign_keys, "foreign keys fetched"));
    if (kinds.policies) print_success(counted(n.policies, "policies fetched"));
    print_success(counted(n.checks, "check constraints fetched"));
    print_success(counted(n.views, "views fetched"));
}

fs::path shown(const fs::path& path) {
    std::error_code ec;
    fs::path relative = fs::relative(path, fs::current_path(), ec);
    return ec || relative.empty() ? path : relative;
}

} // namespace

int run_pull(const PullOptions& options) {
    Config config = resolve_config(options.config);
    kit::require_supported(*config.dialect, "pull");
    const pull::Casing casing = casing_of(options, config);
    kit::PullTarget target = kit::open_pull_target(config, options.baseline);
    Connection& connection = *target.connection;

    print_info("Pulling from " + connection.describe());
    Schema schema = kit::introspect_live(config, connection, kit::object_filter(config));
    print_fetched(schema);

    pull::HeaderOptions header_options;
    header_options.casing = casing;
    header_options.source = connection.describe();
    pull::PulledHeader header = pull::write_cpp_header(schema, header_options);
    for (const auto& warning : header.warnings)
        print_info("warning: " + warning);

    const kit::PulledFiles files = kit::write_pulled(config, target, header);
    if (files.migration) {
        print_success("Baseline migration (commented out, the database has it) ➜ " + shown(*files.migration).string());
    } else {
        print_info("[i] " + shown(config.out_dir()).string() + " already holds " +
                   std::to_string(target.folder.entries.size()) +
                   " migration(s): only the schema file was refreshed, no baseline written");
    }
    print_success("Your schema file is ready ➜ " + shown(files.header).string() + " 🚀");
    if (options.baseline) {
        std::cout << "Applying migration metadata to the database" << std::endl;
        kit::record_pulled_baseline(target);
        print_success("Baseline recorded as applied in " + kit::bookkeeping_table_name(config) +
                      "; migrate will skip it");
    }
    return exit_ok;
}

void add_pull_command(CLI::App& app, CommandList& commands) {
    auto options = std::make_shared<PullOptions>();
    auto* command = app.add_subcommand(
        "pull", "Read the live database and write its schema as a C++ header, <out>/schema.hpp.\n"
                "In an empty migrations folder also writes a baseline migration (SQL commented out,\n"
                "since the database has it) whose snapshot the next generate diffs against; a folder\n"
                "that already holds migrations only gets schema.hpp refreshed.");
    command->alias("introspect");
    add_config_flags(*command, options->config, false, true);
    add_filter_flags(*command, options->config);
    command
        ->add_option("--introspect-casing", options->casing,
                     "Variable names in the header: camel (user_groups -> userGroups, the default) | preserve")
        ->check(CLI::IsMember({"camel", "preserve"}));
    command->add_flag("--baseline,--init", options->baseline,
                      "Also record the baseline migration as applied in the database, without running it\n"
                      "(refused when the database already records migrations)");
    command->add_flag_function(
        "--breakpoints", [options](std::int64_t) { options->config.breakpoints = true; },
        "Separate the baseline's statements with --> statement-breakpoint (the default)");
    command->add_flag_function(
        "--no-breakpoints", [options](std::int64_t) { options->config.breakpoints = false; },
        "Separate the baseline's statements with a newline only");
    command->footer(kExitCodes);
    commands.push_back({command, [options] { return run_pull(*options); }});
}

} // namespace drizzle::cli
