// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <vector>

namespace smartgoals {

// The SQL that moves the schema from version `from_version` to the next, run by the store in
// the transaction that also sets user_version.
std::string migration_sql(int from_version);

// The tables a database of schema `version` must have: a file missing one is damaged.
std::vector<std::string> tables_of_version(int version);

} // namespace smartgoals
