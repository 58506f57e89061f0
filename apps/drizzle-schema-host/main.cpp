// drizzle-schema-host: loads the schema headers drizzle-kit compiled (one shared object per
// header), whose declarations register themselves as they load, and prints the schema; or, with
// --read, reads the headers themselves without a compiler.
//
//   drizzle-schema-host HEADER.so...
//   drizzle-schema-host --read HEADER.hpp...
//
// The shared objects link nothing: the DSL's library functions they call are this program's own,
// exported to them. That keeps compiling one header to a fraction of a second (no link against
// the library), and only a header that changed is compiled again. Writes the snapshot JSON to
// stdout; diagnostics go to stderr with exit code 3. --read exits with 4 (and says where on
// stderr) when a header holds C++ the reader does not evaluate: drizzle-kit then compiles it.
#include "drizzle/dsl/registry.hpp"

#include <dlfcn.h>

#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "--read") == 0) {
        std::vector<std::filesystem::path> headers(argv + 2, argv + argc);
        if (!drizzle::dsl::read_headers(headers, std::cerr)) return 4;
        return drizzle::dsl::run_exporter(std::cout, std::cerr);
    }
    for (int i = 1; i < argc; ++i) {
        // RTLD_GLOBAL: a header another header includes is compiled into both objects; its
        // declarations then resolve to one copy, which registers once.
        if (dlopen(argv[i], RTLD_NOW | RTLD_GLOBAL) == nullptr) {
            std::cerr << "error: cannot load the compiled schema header " << argv[i] << ": " << dlerror() << '\n';
            return 3;
        }
    }
    return drizzle::dsl::run_exporter(std::cout, std::cerr);
}
