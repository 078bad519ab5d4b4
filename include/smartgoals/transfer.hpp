// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/export.hpp>
#include <smartgoals/store.hpp>

#include <map>
#include <ostream>
#include <string>
#include <vector>

// Moving a whole history: the JSON document of SPEC §7 out, and back in, merged by UUID.
namespace smartgoals {

// Version 2 adds "removed" (SPEC §6.1); version 1 files are read as before.
inline constexpr int k_document_version = 2;

// {"format":"smartgoals","version":2,"settings":{...},"goals":[...],"checkins":[...],
// "urges":[...],"cbc":[...],"values":[...],"abc":[...],"plans":[...],"balance":[...],"removed":[...]},
// completions nested in goals and items in comparisons, one record a line, streamed.
// --since/--until choose the top-level records by their date (a removal by the day it was made).
void export_document(Store& store, const ExportRequest& request, std::ostream& out);

// A document checked whole, ready to write. Ids are the wanted ones (0 when none was given).
struct ImportDocument {
    std::map<std::string, std::string> settings;
    std::vector<Goal> goals; // status open or dropped; done follows from the completions
    std::vector<Checkin> checkins;
    std::vector<Urge> urges;
    std::vector<CostBenefit> comparisons;
    std::vector<Value> values; // in their order in the file
    std::vector<Abc> abc;      // urge_uuid names the urge each started from, here or in the file
    std::vector<ChangePlan> plans; // goal_uuid names the goal a step became, here or in the file
    std::vector<BalanceRating> balance;
    std::vector<std::pair<std::string, Date>> removed; // uuid, the day it was removed
};

// Parses and validates everything (format, version, each record's fields and types, dates,
// ranges); throws UsageError naming the first problem's place, e.g. "goals[3].target".
ImportDocument parse_document(const std::string& text, Date today);

struct ImportCount {
    int added = 0;
    int skipped = 0;      // already here
    int removed_here = 0; // removed here (SPEC §6.1): not brought back
};
struct ImportReport {
    ImportCount settings, goals, completions, checkins, urges, comparisons, items, values, abc,
        plans, balance;
    ImportCount removals; // skipped: already remembered; removed_here: the record is kept here
};

// Adds what is not there yet (by UUID), never overwriting and never bringing back what was
// removed here; settings only where none is set. A removal in the file is remembered unless
// the record is here: an import never removes anything.
ImportReport import_document(Store& store, const ImportDocument& document);

} // namespace smartgoals
