// Tokens and positions of a DDL script, from libpg_query's scanner.
#include "dialect/pg/ddl/source.hpp"
#include "drizzle/error.hpp"
#include "util/text.hpp"

#include <pg_query.h>
#include <pg_query/pg_query.pb-c.h>

#include <algorithm>
#include <memory>

namespace drizzle::pg::ddl {

namespace {

bool is_continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

bool is_open(std::string_view t) {
    return t == "(" || t == "[";
}
bool is_close(std::string_view t) {
    return t == ")" || t == "]";
}

}  // namespace

Source::Source(std::string_view text, std::string file_name) : text_(text), file_name_(std::move(file_name)) {
    line_starts_.push_back(0);
    for (std::size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(static_cast<int>(i + 1));
    }
    const std::string input(text_);
    PgQueryScanResult scan = pg_query_scan(input.c_str());
    std::unique_ptr<PgQueryScanResult, void (*)(PgQueryScanResult*)> guard(
        &scan, [](PgQueryScanResult* r) { pg_query_free_scan_result(*r); });
    // A script the scanner rejects (an unterminated string, say) is rejected by the parser too,
    // which reports it with its position; no tokens are needed then.
    if (scan.error != nullptr) return;
    PgQuery__ScanResult* result =
        pg_query__scan_result__unpack(nullptr, scan.pbuf.len, reinterpret_cast<const uint8_t*>(scan.pbuf.data));
    if (result == nullptr) return;
    tokens_.reserve(result->n_tokens);
    for (std::size_t i = 0; i < result->n_tokens; ++i) {
        const PgQuery__ScanToken* t = result->tokens[i];
        if (t->token == PG_QUERY__TOKEN__SQL_COMMENT || t->token == PG_QUERY__TOKEN__C_COMMENT) continue;
        tokens_.push_back({t->start, t->end, t->keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD});
    }
    pg_query__scan_result__free_unpacked(result, nullptr);
}

std::string_view Source::token_text(std::size_t i) const {
    return text_.substr(static_cast<std::size_t>(tokens_[i].start),
                        static_cast<std::size_t>(tokens_[i].end - tokens_[i].start));
}

std::string Source::where(int offset) const {
    offset = std::clamp(offset, 0, static_cast<int>(text_.size()));
    auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - 1;
    int column = 1;
    for (int i = *line; i < offset; ++i) {
        if (!is_continuation_byte(text_[static_cast<std::size_t>(i)])) ++column;
    }
    return file_name_ + ":" + std::to_string(line - line_starts_.begin() + 1) + ":" + std::to_string(column);
}

void Source::fail(std::vector<Problem> problems) const {
    std::stable_sort(problems.begin(), problems.end(),
                     [](const Problem& a, const Problem& b) { return a.offset < b.offset; });
    std::vector<Diagnostic> diagnostics;
    for (auto& problem : problems)
        diagnostics.push_back({where(problem.offset), std::move(problem.message)});
    throw DiagnosticsError(std::move(diagnostics));
}

int Source::offset_of_character(int from, int character) const {
    int offset = from;
    for (int seen = 1; seen < character && offset < static_cast<int>(text_.size());) {
        ++offset;
        if (offset >= static_cast<int>(text_.size()) ||
            !is_continuation_byte(text_[static_cast<std::size_t>(offset)])) {
            ++seen;
        }
    }
    return offset;
}

std::size_t Source::token_at(int offset) const {
    auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                               [](const Token& t, int value) { return t.start < value; });
    return static_cast<std::size_t>(it - tokens_.begin());
}

bool Source::is(std::size_t i, std::string_view word) const {
    return i < tokens_.size() && detail::iequals(token_text(i), word);
}

std::size_t Source::closing(std::size_t open) const {
    int depth = 0;
    for (std::size_t i = open; i < tokens_.size(); ++i) {
        const auto t = token_text(i);
        if (is_open(t)) ++depth;
        if (is_close(t) && --depth == 0) return i;
    }
    return npos;
}

std::size_t Source::find_outside_brackets(std::size_t from, std::string_view word, std::size_t limit) const {
    int depth = 0;
    for (std::size_t i = from; i < std::min(limit, tokens_.size()); ++i) {
        const auto t = token_text(i);
        if (depth == 0 && is(i, word)) return i;
        if (is_open(t)) ++depth;
        if (is_close(t) && --depth < 0) return npos;
    }
    return npos;
}

std::size_t Source::expression_last(std::size_t first, int limit_offset) const {
    int depth = 0;
    std::size_t last = first;
    for (std::size_t i = first; i < tokens_.size(); ++i) {
        if (limit_offset >= 0 && tokens_[i].start >= limit_offset) break;
        const auto t = token_text(i);
        if (depth == 0 && (t == "," || t == ";" || is_close(t))) break;
        if (is_open(t)) ++depth;
        if (is_close(t)) --depth;
        last = i;
    }
    return last;
}

std::string Source::slice(std::size_t first, std::size_t last) const {
    if (first > last || last >= tokens_.size()) return {};
    return std::string(text_.substr(static_cast<std::size_t>(tokens_[first].start),
                                    static_cast<std::size_t>(tokens_[last].end - tokens_[first].start)));
}

std::string Source::slice_unwrapped(std::size_t first, std::size_t last) const {
    if (first < last && last < tokens_.size() && token_text(first) == "(" && closing(first) == last) {
        return slice(first + 1, last - 1);
    }
    return slice(first, last);
}

std::string Source::parenthesized(std::size_t from, std::size_t& after) const {
    after = npos;
    std::size_t open = from;
    while (open < tokens_.size() && token_text(open) != "(")
        ++open;
    const std::size_t close = open < tokens_.size() ? closing(open) : npos;
    if (close == npos) return {};
    after = close + 1;
    return close == open + 1 ? std::string() : slice(open + 1, close - 1);
}

}  // namespace drizzle::pg::ddl
