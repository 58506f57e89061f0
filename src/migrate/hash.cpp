// sha256 via OpenSSL EVP, and the UTF-8 round trip that makes our hashes equal drizzle-orm's.
#include "util/utf8.hpp"
#include "migrate/hash.hpp"

#include "drizzle/error.hpp"
#include "drizzle/migrate/migrator.hpp"

#include <openssl/evp.h>

#include <memory>


namespace drizzle {

std::string sha256_hex(const std::string& bytes) {
    // Fetched once: OpenSSL 3 looks the algorithm up again on every EVP_sha256() init, which
    // cost more than hashing a small migration file (application start hashes every file).
    // The context is kept too: re-initialising it for the same algorithm reuses its state.
    static EVP_MD* const sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (sha256 == nullptr || !ctx || EVP_DigestInit_ex(ctx.get(), sha256, nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1) {
        throw Error("sha256 failed (OpenSSL EVP)");
    }
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xf];
    }
    return out;
}

namespace migrate_internal {

std::string node_utf8_roundtrip(const std::string& bytes) {
    // The WHATWG "UTF-8 decoder" algorithm, step by step (encoding.spec.whatwg.org, 4.1.1).
    std::string out;
    out.reserve(bytes.size());
    char32_t cp = 0;
    int needed = 0, seen = 0;
    unsigned lower = 0x80, upper = 0xBF;
    constexpr char32_t replacement = 0xFFFD;
    for (std::size_t i = 0; i < bytes.size();) {
        unsigned b = static_cast<unsigned char>(bytes[i]);
        if (needed == 0) {
            ++i;
            if (b <= 0x7F) {
                out += static_cast<char>(b);
            } else if (b >= 0xC2 && b <= 0xDF) {
                needed = 1;
                cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                if (b == 0xE0) lower = 0xA0;
                if (b == 0xED) upper = 0x9F;
                needed = 2;
                cp = b & 0x0F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                if (b == 0xF0) lower = 0x90;
                if (b == 0xF4) upper = 0x8F;
                needed = 3;
                cp = b & 0x07;
            } else {
                detail::append_utf8(out, replacement);
            }
            continue;
        }
        if (b < lower || b > upper) {
            // The byte is not consumed: it starts the next sequence.
            cp = 0;
            needed = seen = 0;
            lower = 0x80;
            upper = 0xBF;
            detail::append_utf8(out, replacement);
            continue;
        }
        ++i;
        lower = 0x80;
        upper = 0xBF;
        cp = (cp << 6) | (b & 0x3F);
        if (++seen == needed) {
            detail::append_utf8(out, cp);
            cp = 0;
            needed = seen = 0;
        }
    }
    if (needed != 0) detail::append_utf8(out, replacement);
    return out;
}

std::string drizzle_file_hash(const std::string& file_bytes) {
    return sha256_hex(node_utf8_roundtrip(file_bytes));
}

}  // namespace migrate_internal
}  // namespace drizzle
