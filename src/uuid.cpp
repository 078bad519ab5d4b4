// SPDX-License-Identifier: MIT
#include <smartgoals/uuid.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <random>

namespace smartgoals {

std::string new_uuid() {
    std::random_device device;
    std::mt19937_64 engine{(static_cast<std::uint64_t>(device()) << 32) ^ device()};
    std::uint64_t high = engine(), low = engine();
    high = (high & ~0xF000ULL) | 0x4000ULL;           // version 4
    low = (low & ~(0xC0ULL << 56)) | (0x80ULL << 56); // RFC 4122 variant
    return fmt::format("{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", high >> 32, (high >> 16) & 0xFFFF,
                       high & 0xFFFF, low >> 48, low & 0xFFFFFFFFFFFFULL);
}

} // namespace smartgoals
