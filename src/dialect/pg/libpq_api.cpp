// Loads libpq.so.5 with dlopen and resolves the functions the driver uses.
#include "dialect/pg/libpq_api.hpp"

#include "drizzle/error.hpp"

#include <dlfcn.h>

#include <string>

namespace drizzle::pg::detail {

namespace {

// The soname of every libpq since PostgreSQL 8.2; libpq keeps its ABI within it.
constexpr const char* kLibraryName = "libpq.so.5";

template <class Function>
void resolve(void* library, Function& slot, const char* name) {
    void* symbol = dlsym(library, name);
    if (symbol == nullptr) {
        throw DbError(std::string("the PostgreSQL client library ") + kLibraryName + " has no " + name +
                          " (is it older than PostgreSQL 10?)",
                      "08000");
    }
    slot = reinterpret_cast<Function>(symbol);
}

Libpq load() {
    void* library = dlopen(kLibraryName, RTLD_NOW | RTLD_LOCAL);
    if (library == nullptr) {
        const char* reason = dlerror();
        throw DbError(std::string("cannot load the PostgreSQL client library ") + kLibraryName + ": " +
                          (reason != nullptr ? reason : "unknown error") +
                          " (install libpq5, e.g. apt-get install libpq5)",
                      "08000");
    }
    Libpq api{};
#define DRIZZLE_RESOLVE(name) resolve(library, api.name, #name)
    DRIZZLE_RESOLVE(PQconnectdbParams);
    DRIZZLE_RESOLVE(PQstatus);
    DRIZZLE_RESOLVE(PQerrorMessage);
    DRIZZLE_RESOLVE(PQfinish);
    DRIZZLE_RESOLVE(PQsetNoticeReceiver);
    DRIZZLE_RESOLVE(PQserverVersion);
    DRIZZLE_RESOLVE(PQbackendPID);
    DRIZZLE_RESOLVE(PQconninfoParse);
    DRIZZLE_RESOLVE(PQconninfoFree);
    DRIZZLE_RESOLVE(PQfreemem);
    DRIZZLE_RESOLVE(PQsendQuery);
    DRIZZLE_RESOLVE(PQgetResult);
    DRIZZLE_RESOLVE(PQexecParams);
    DRIZZLE_RESOLVE(PQresultStatus);
    DRIZZLE_RESOLVE(PQresultErrorField);
    DRIZZLE_RESOLVE(PQresultErrorMessage);
    DRIZZLE_RESOLVE(PQclear);
    DRIZZLE_RESOLVE(PQntuples);
    DRIZZLE_RESOLVE(PQnfields);
    DRIZZLE_RESOLVE(PQgetisnull);
    DRIZZLE_RESOLVE(PQgetvalue);
    DRIZZLE_RESOLVE(PQgetlength);
    DRIZZLE_RESOLVE(PQputCopyEnd);
    DRIZZLE_RESOLVE(PQgetCopyData);
#undef DRIZZLE_RESOLVE
    return api;  // the library stays loaded for the life of the process
}

}  // namespace

const Libpq& libpq() {
    static const Libpq api = load();
    return api;
}

}  // namespace drizzle::pg::detail
