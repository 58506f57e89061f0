// JavaScript-compatible JSON text: the serialiser behind every snapshot file we write.
#include "snapshot/json_text.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>

namespace drizzle::snapshot_detail {

namespace {

// JavaScript numbers are doubles: integers above this are not exact there.
constexpr double kMaxSafeInteger = 9007199254740991.0;

void append_quoted(std::string& out, std::string_view text) {
    // Almost every snapshot string is printable ASCII: copied as is, in one pass. Anything
    // else goes through nlohmann, which escapes like JSON.stringify (\" \\ \b \f \n \r \t, other
    // control characters as lower-case \u00xx, the rest raw); `replace` keeps invalid UTF-8
    // from throwing.
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    });
    if (plain) {
        out += '"';
        out += text;
        out += '"';
        return;
    }
    out += Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

void append_indent(std::string& out, int depth) { out.append(static_cast<std::size_t>(depth) * 2, ' '); }

void append_value(std::string& out, const Json& value, int depth) {
    switch (value.type()) {
    case Json::value_t::object: {
        if (value.empty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto& [key, member] : value.items()) {
            if (!first) out += ",\n";
            first = false;
            append_indent(out, depth + 1);
            append_quoted(out, key);
            out += ": ";
            append_value(out, member, depth + 1);
        }
        out += '\n';
        append_indent(out, depth);
        out += '}';
        return;
    }
    case Json::value_t::array: {
        if (value.empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        bool first = true;
        for (const auto& element : value) {
            if (!first) out += ",\n";
            first = false;
            append_indent(out, depth + 1);
            append_value(out, element, depth + 1);
        }
        out += '\n';
        append_indent(out, depth);
        out += ']';
        return;
    }
    case Json::value_t::string: append_quoted(out, value.get_ref<const std::string&>()); return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float: out += *js_number_text(value); return;
    case Json::value_t::null:
    case Json::value_t::binary:
    case Json::value_t::discarded: out += "null"; return;
    }
}

}  // namespace

void append_js(std::string& out, const Json& value, int depth) { append_value(out, value, depth); }

void append_js_string(std::string& out, std::string_view text) { append_quoted(out, text); }

void append_js_member(std::string& out, std::string_view key, const Json& value) {
    out += "  ";
    append_quoted(out, key);
    out += ": ";
    append_value(out, value, 1);
    out += ",\n";
}

std::string stringify_js(const Json& value) {
    std::string out;
    append_value(out, value, 0);
    return out;
}

std::string js_number_text(double value) {
    if (!std::isfinite(value)) return "null";
    if (value == 0) return "0";  // also -0, which JavaScript prints as "0"

    // Shortest round-trip digits, as ECMAScript requires; to_chars gives "d.ddde±x".
    char buffer[64];
    auto [end, ec] =
        std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value), std::chars_format::scientific);
    if (ec != std::errc()) return "null";
    std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
    auto e_pos = text.find('e');
    std::string digits;
    for (char c : text.substr(0, e_pos)) {
        if (c != '.') digits += c;
    }
    int exponent = std::atoi(std::string(text.substr(e_pos + 1)).c_str());

    // ECMAScript Number::toString: value = 0.digits * 10^n.
    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1;
    std::string out = value < 0 ? "-" : "";
    if (k <= n && n <= 21) {
        out += digits;
        out.append(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, static_cast<std::size_t>(n));
        out += '.';
        out += digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-n), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out += digits.substr(1);
        }
        out += 'e';
        out += n - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

std::optional<std::string> js_number_text(const Json& value) {
    if (value.is_number_integer()) {
        // Covers both signed and unsigned storage.
        const double as_double = value.get<double>();
        if (std::fabs(as_double) <= kMaxSafeInteger) {
            return value.is_number_unsigned() ? std::to_string(value.get<std::uint64_t>())
                                              : std::to_string(value.get<std::int64_t>());
        }
        return js_number_text(as_double);
    }
    if (value.is_number_float()) return js_number_text(value.get<double>());
    return std::nullopt;
}

std::optional<Json> json_number_from_text(std::string_view text) {
    if (text.empty()) return std::nullopt;
    const char* first = text.data();
    const char* last = text.data() + text.size();
    double parsed = 0;
    auto [end, ec] = std::from_chars(first, last, parsed);
    if (ec != std::errc() || end != last || !std::isfinite(parsed)) return std::nullopt;
    // JSON has no leading '+', no bare '.5' and no hex; from_chars rejects '+' and hex already.
    std::string_view unsigned_part = text.front() == '-' ? text.substr(1) : text;
    if (unsigned_part.empty() || unsigned_part.front() == '.' || unsigned_part.back() == '.') {
        return std::nullopt;
    }
    if (std::fabs(parsed) <= kMaxSafeInteger && parsed == std::floor(parsed)) {
        return Json(static_cast<std::int64_t>(parsed));
    }
    return Json(parsed);
}

}  // namespace drizzle::snapshot_detail
