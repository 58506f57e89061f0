// Identifier rules for generated headers: casing, reserved names and collisions.
#include "pull/identifiers.hpp"

#include <cctype>
#include <vector>

namespace drizzle::pull::detail {

namespace {

bool ascii_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 && static_cast<unsigned char>(c) < 0x80;
}
char lower(char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}
char upper(char c) {
    return static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
}

std::vector<std::string> split_words(std::string_view name) {
    std::vector<std::string> words;
    std::string current;
    for (char c : name) {
        if (ascii_alnum(c)) {
            current += c;
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

bool all_upper(const std::string& word) {
    for (char c : word) {
        if (std::islower(static_cast<unsigned char>(c))) return false;
    }
    return true;
}

}  // namespace

std::string identifier_words(std::string_view name, Casing casing) {
    const auto words = split_words(name);
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) {
        std::string word = words[i];
        if (casing == Casing::preserve) {
            // `_` between words only: leading or doubled underscores are reserved in C++.
            out += (i == 0 ? "" : "_") + word;
            continue;
        }
        if (i == 0) {
            if (all_upper(word)) {
                for (char& c : word)
                    c = lower(c);
            } else {
                word[0] = lower(word[0]);
            }
        } else {
            word[0] = upper(word[0]);
        }
        out += word;
    }
    return out;
}

std::string IdentifierPool::join(std::string_view first, std::string_view second) const {
    if (first.empty()) return std::string(second);
    if (second.empty()) return std::string(first);
    if (casing_ == Casing::preserve) return std::string(first) + "_" + std::string(second);
    std::string tail(second);
    tail[0] = upper(tail[0]);
    return std::string(first) + tail;
}

bool IdentifierPool::free(const std::string& identifier) const {
    return !identifier.empty() && !std::isdigit(static_cast<unsigned char>(identifier[0])) &&
           !is_reserved_identifier(identifier) && used_.count(identifier) == 0;
}

std::string IdentifierPool::take(std::string_view name, std::string_view schema, std::string_view kind) {
    std::string base = identifier_words(name, casing_);
    // Nothing usable (`"???"`) or a leading digit (`2fa_codes`): the kind word goes in front.
    if (base.empty()) {
        base = std::string(kind);
    } else if (std::isdigit(static_cast<unsigned char>(base[0]))) {
        base = join(kind, base);
    }
    const std::string schema_words = identifier_words(schema, casing_);
    std::vector<std::string> candidates = {base};
    if (!schema_words.empty()) candidates.push_back(join(schema_words, base));
    candidates.push_back(join(base, kind));
    if (!schema_words.empty()) candidates.push_back(join(join(schema_words, base), kind));
    for (const auto& candidate : candidates) {
        if (free(candidate)) {
            used_.insert(candidate);
            return candidate;
        }
    }
    const std::string last = candidates.back();
    for (int n = 2;; ++n) {
        std::string candidate = last + (casing_ == Casing::preserve ? "_" : "") + std::to_string(n);
        if (free(candidate)) {
            used_.insert(candidate);
            return candidate;
        }
    }
}

}  // namespace drizzle::pull::detail
