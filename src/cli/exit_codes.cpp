// Maps every error to its message and exit code, in one place.
#include "cli/exit_codes.hpp"

#include "drizzle/kit/database.hpp"

#include <iostream>

namespace drizzle::cli {

namespace {

int run_body(const std::function<int()>& body) {
    try {
        return body();
    } catch (const UnresolvedDecisionsError& e) {
        std::cout << e.questions_json() << std::endl;
        std::cerr << "error: " << e.what() << std::endl;
        return exit_decisions_needed;
    } catch (const SchemaCompileError& e) {
        std::cerr << "error: " << e.what() << std::endl;
        return exit_schema_compile;
    } catch (const DiagnosticsError& e) {
        for (const auto& d : e.diagnostics()) {
            std::cerr << "error: " << (d.where.empty() ? "" : d.where + ": ") << d.message << '\n';
        }
        std::cerr.flush();
        return exit_invalid_input;
    } catch (const UserError& e) {
        std::cerr << "error: " << e.what() << std::endl;
        return exit_invalid_input;
    } catch (const DbError& e) {
        std::cerr << "error: " << e.what() << std::endl;
        // The migrator's message already quotes the statement; print it once.
        const std::string message = e.what();
        if (!e.statement().empty() && message.find(e.statement()) == std::string::npos) {
            std::cerr << "failed statement:\n" << e.statement() << std::endl;
        }
        return exit_failure;
    } catch (const std::exception& e) {
        std::cerr << "error: " << e.what() << std::endl;
        return exit_failure;
    }
}

}  // namespace

int run_guarded(const std::function<int()>& body) {
    const int code = run_body(body);
    // The command's connections are closed by now (they live in `body`).
    if (code != exit_ok) kit::discard_created_files();
    return code;
}

}  // namespace drizzle::cli
