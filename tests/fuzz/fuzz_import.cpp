// SPDX-License-Identifier: MIT
// libFuzzer: the import validator answers any bytes with a document or a UsageError, nothing else.
#include <smartgoals/errors.hpp>
#include <smartgoals/transfer.hpp>

#include <cstdint>
#include <string>

using namespace smartgoals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        (void)parse_document(text, *parse_date("2026-11-19"));
    } catch (const UsageError&) {
    }
    return 0;
}
