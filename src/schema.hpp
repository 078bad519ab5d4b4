// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace smartgoals {

// The SQL that moves the schema from version `from_version` to the next, run by the store in
// the transaction that also sets user_version.
std::string migration_sql(int from_version);

} // namespace smartgoals
