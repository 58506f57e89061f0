// libpq, loaded on first use: commands that never touch PostgreSQL skip loading it and its ~25 libraries.
#pragma once

#include <libpq-fe.h>

namespace drizzle::pg::detail {

/// The libpq functions the driver calls, resolved from libpq.so.5 with dlopen. Linking libpq
/// directly made every drizzle-kit start-up ~12 ms slower (symbol binding of libpq's Kerberos,
/// LDAP and TLS dependencies), also for `generate` on SQLite.
struct Libpq {
    decltype(&::PQconnectdbParams) PQconnectdbParams;
    decltype(&::PQstatus) PQstatus;
    decltype(&::PQerrorMessage) PQerrorMessage;
    decltype(&::PQfinish) PQfinish;
    decltype(&::PQsetNoticeReceiver) PQsetNoticeReceiver;
    decltype(&::PQserverVersion) PQserverVersion;
    decltype(&::PQbackendPID) PQbackendPID;
    decltype(&::PQconninfoParse) PQconninfoParse;
    decltype(&::PQconninfoFree) PQconninfoFree;
    decltype(&::PQfreemem) PQfreemem;
    decltype(&::PQsendQuery) PQsendQuery;
    decltype(&::PQgetResult) PQgetResult;
    decltype(&::PQexecParams) PQexecParams;
    decltype(&::PQresultStatus) PQresultStatus;
    decltype(&::PQresultErrorField) PQresultErrorField;
    decltype(&::PQresultErrorMessage) PQresultErrorMessage;
    decltype(&::PQclear) PQclear;
    decltype(&::PQntuples) PQntuples;
    decltype(&::PQnfields) PQnfields;
    decltype(&::PQgetisnull) PQgetisnull;
    decltype(&::PQgetvalue) PQgetvalue;
    decltype(&::PQgetlength) PQgetlength;
    decltype(&::PQputCopyEnd) PQputCopyEnd;
    decltype(&::PQgetCopyData) PQgetCopyData;
};

/// The loaded library (loaded once, thread-safely). Throws drizzle::DbError (SQLSTATE 08000)
/// naming the library when it cannot be loaded or lacks a function.
const Libpq& libpq();

}  // namespace drizzle::pg::detail
