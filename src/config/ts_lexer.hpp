// Tokens of the TypeScript subset a drizzle.config.ts is written in.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace drizzle::config_detail {

enum class TokenKind {
    identifier,       ///< names and keywords alike
    string,           ///< '...', "..." or a template literal without `${}`; `text` is the value
    template_head,    ///< `...${   (text = the cooked part before the substitution)
    template_middle,  ///< }...${
    template_tail,    ///< }...`
    number,           ///< `text` is the source spelling
    punct,            ///< operators and brackets, longest match
    end,
};

struct Token {
    TokenKind kind = TokenKind::end;
    std::string text;
    std::size_t offset = 0;  ///< byte offset in the source, for line:column
};

/// Splits `source` into tokens, dropping whitespace and comments. Throws UserError
/// "label:line:col: ..." on an unterminated string, comment or template.
std::vector<Token> tokenize_ts(std::string_view source, const std::string& label);

/// "label:line:col: message", for errors at a byte offset of `source`.
std::string located(std::string_view source, const std::string& label, std::size_t offset,
                    const std::string& message);

}  // namespace drizzle::config_detail
