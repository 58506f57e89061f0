// UTC date arithmetic without the C library's timezone state (timegm is not portable).
#include "migrate/timestamps.hpp"

#include <chrono>
#include <cstdio>

namespace drizzle::migrate_internal {

namespace {

struct Civil {
    std::int64_t year;
    int month;  // 1..12
    int day;    // 1..31
};

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Civil civil_from_days(std::int64_t z) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

struct Parts {
    Civil date;
    int hour, minute, second, millis;
};

Parts split(std::int64_t ms) {
    std::int64_t days = ms / 86'400'000;
    std::int64_t rest = ms % 86'400'000;
    if (rest < 0) {
        rest += 86'400'000;
        --days;
    }
    Parts p{civil_from_days(days), 0, 0, 0, 0};
    p.hour = static_cast<int>(rest / 3'600'000);
    p.minute = static_cast<int>(rest / 60'000 % 60);
    p.second = static_cast<int>(rest / 1000 % 60);
    p.millis = static_cast<int>(rest % 1000);
    return p;
}

int days_in_month(std::int64_t y, int m) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

}  // namespace

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string utc_compact(std::int64_t ms) {
    Parts p = split(ms);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04lld%02d%02d%02d%02d%02d", static_cast<long long>(p.date.year),
                  p.date.month, p.date.day, p.hour, p.minute, p.second);
    return buffer;
}

std::optional<std::int64_t> parse_utc_compact(std::string_view text) {
    if (text.size() < 14) return std::nullopt;
    for (std::size_t i = 0; i < 14; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
    }
    auto number = [&](std::size_t from, std::size_t count) {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) value = value * 10 + (text[i] - '0');
        return value;
    };
    int year = number(0, 4), month = number(4, 2), day = number(6, 2);
    int hour = number(8, 2), minute = number(10, 2), second = number(12, 2);
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
        second > 59) {
        return std::nullopt;
    }
    std::int64_t days = days_from_civil(year, month, day);
    return ((days * 24 + hour) * 60 + minute) * 60'000 + second * 1000LL;
}

std::string iso_utc(std::int64_t ms) {
    Parts p = split(ms);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  static_cast<long long>(p.date.year), p.date.month, p.date.day, p.hour, p.minute, p.second,
                  p.millis);
    return buffer;
}

}  // namespace drizzle::migrate_internal
