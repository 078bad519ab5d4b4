// SPDX-License-Identifier: MIT
#pragma once

#include <stdexcept>
#include <string>

namespace smartgoals {

// A wrong command line or value: exit status 2 (SPEC §8). Thrown before anything is written.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The environment failed (the database cannot be opened, read or written, is damaged, newer,
// or stayed locked): exit status 1.
class StorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// What a failed system call means, in a member's words: ENOSPC is "the disk is full", not
// "No space left on device"; others fall back to the C library's text.
std::string system_reason(int error);

} // namespace smartgoals
