// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace smartgoals {

// A random (version 4) UUID in its lowercase 8-4-4-4-12 form.
std::string new_uuid();

} // namespace smartgoals
