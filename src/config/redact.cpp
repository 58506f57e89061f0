// Keeps passwords out of anything printed: connection-string redaction and credential display.
#include "drizzle/config/config.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace drizzle {

namespace {

constexpr std::string_view kMask = "***";

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

bool is_secret_param(std::string_view name) {
    static constexpr std::array<std::string_view, 10> names = {
        "password",  "pass",       "passwd", "pwd",    "sslpassword",
        "authtoken", "auth_token", "token",  "secret", "apikey"};
    return std::any_of(names.begin(), names.end(), [&](std::string_view n) { return iequals(n, name); });
}

// scheme://user:password@host -> scheme://user:***@host. The password runs from the first ':'
// after "//" to the LAST '@': a password holding an unencoded '@', '/', '?', '#' or ':' is hidden
// whole (the host cannot hold '@'), whatever a URL parser would make of it. An '@' further on (in
// the path or query) only makes the mask wider, which is the safe side.
std::string redact_userinfo(std::string url) {
    auto scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    auto start = scheme + 3;
    auto at = url.rfind('@');
    if (at == std::string::npos || at < start) return url;
    auto colon = url.find(':', start);
    if (colon == std::string::npos || colon > at || colon + 1 == at) return url;
    return url.replace(colon + 1, at - colon - 1, kMask);
}

// ?password=x&... and libpq's `password=x host=...` (value possibly quoted).
std::string redact_params(const std::string& text) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        bool at_boundary = i == 0 || text[i - 1] == '?' || text[i - 1] == '&' || text[i - 1] == ';' ||
                           std::isspace(static_cast<unsigned char>(text[i - 1]));
        auto eq = text.find('=', i);
        if (!at_boundary || eq == std::string::npos) {
            out += text[i++];
            continue;
        }
        std::string_view name(text.data() + i, eq - i);
        bool plain_name = !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
        });
        if (!plain_name || !is_secret_param(name)) {
            out += text[i++];
            continue;
        }
        out.append(name).append("=");
        std::size_t end = eq + 1;
        if (end < text.size() && text[end] == '\'') {
            ++end;
            while (end < text.size() && text[end] != '\'') end += text[end] == '\\' ? 2 : 1;
            end = std::min(end + 1, text.size());
        } else {
            while (end < text.size() && text[end] != '&' && text[end] != ';' && text[end] != '#' &&
                   !std::isspace(static_cast<unsigned char>(text[end]))) {
                ++end;
            }
        }
        if (end > eq + 1) out += kMask;
        i = end;
    }
    return out;
}

}  // namespace

std::string redact_url(const std::string& url) {
    return redact_params(redact_userinfo(url));
}

std::string DbCredentials::display() const {
    if (url) return redact_url(*url);
    std::string text;
    if (user) text += *user + "@";
    if (host) text += *host;
    if (port) text += ":" + std::to_string(*port);
    if (database) text += "/" + *database;
    if (text.empty() && !extra.empty()) {
        // Names only: the values of these keys are tokens and ARNs.
        text = "(";
        for (const auto& [key, value] : extra) text += (text.size() > 1 ? ", " : "") + key;
        text += ")";
    }
    return text;
}

}  // namespace drizzle
