// SPDX-License-Identifier: MIT
#pragma once

#include <smartgoals/cost_benefit.hpp>
#include <smartgoals/model.hpp>
#include <smartgoals/rules.hpp>
#include <smartgoals/toolbox.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

struct sqlite3_session;

namespace smartgoals {

// Totals that only grow, counted up to and including a week.
struct Totals {
    Date as_of;             // the last day counted: the week's end, or today in the current week
    int goals_achieved = 0; // once goals done + weekly instances achieved
    int weeks_checked_in = 0;
    int checkins = 0;
    int urges_logged = 0;
    int urges_ridden_out = 0;
};

// The records an export streams, each in id order, with the columns its comment names.
enum class Rows {
    goals,            // id, uuid, text, area, kind, target, planned_on, status, created (date),
                      // closed_on, progress (once: all completions; weekly: this week's)
    completions,      // id, uuid, goal_id, goal uuid, date, note
    checkins,         // id, uuid, date, rating, note
    urges,            // id, uuid, at, intensity, duration_min, trigger, place, strategies (JSON),
                      // outcome, note, next_time
    comparison_items, // comparison id, uuid, title, kind, created (date), then the item's
                      // id, uuid, quadrant, term, weight, text (NULL for none)
    comparisons,      // id, uuid, title, kind, created (date)
    every_completion, // goal_id, id, uuid, date, note, in goal then date order; no window
    every_comparison_item, // comparison_id, id, uuid, quadrant, term, weight, text, created
    every_goal_target,     // goal_id, until (date), target: weekly goals' earlier targets,
                           // in goal then date order; no window
    removed,               // uuid, date: what was removed (SPEC §6.1), by date then uuid
    values,                // id, uuid, position, text, created (date), in position order
    balance,               // id, uuid, date, area, score
    abc,   // id, uuid, date, event, belief, consequence, dispute, effective, urge_id, urge uuid
    plans, // plan id, uuid, change, importance, confidence, created (date), then each line's
           // part, number, text, goal_id, goal uuid (NULL for a plan with no lines)
};
// Which records: by each one's date (goals and comparisons by their created date), inclusive,
// open-ended where unset; `today` places "this week" for a goal's progress.
struct RowWindow {
    std::optional<Date> since;
    std::optional<Date> until;
    Date today;
};

// A flock on the database file, held for a command's life: shared by every command, exclusive
// while encrypt or decrypt put a new file in the database's place. Whoever waited for it looks
// again at what is at the path, so nobody writes into a file that was replaced.
class FileLock {
public:
    FileLock() = default;
    FileLock(FileLock&& other) noexcept;
    FileLock& operator=(FileLock&& other) noexcept;
    ~FileLock();
    // The lock on the file at `path`, waiting up to the busy timeout; no lock when the path is
    // not a regular file that can be opened (opening it then says why). Throws StorageError
    // when the wait runs out.
    static FileLock take(const std::filesystem::path& path, bool exclusive);
    int fd() const { return m_fd; }

private:
    int m_fd = -1;
};

// One user's database. A Store is one command's transaction: opened after the command line is
// parsed, committed once at the end; destroying it without commit() rolls everything back.
class Query;

class Store {
public:
    enum class Mode { read, write };
    static constexpr int k_schema_version = 15;

    // Opens the database at `path` (SPEC §3). Write mode creates missing directories (0700) and
    // the file (0600); read mode on a missing file gives an empty database in memory. The file
    // is classified read-only first: one that is not a smartgoals database, is damaged or is
    // newer throws StorageError and is left byte for byte, its -wal included. Permissions
    // looser than 0600 (and 0700 on smartgoals' own directory) are tightened, each change told
    // in notices().
    static Store open(const std::filesystem::path& path, Mode mode);
    static Store in_memory();
    // Encryption (SPEC §3.1): puts a sealed copy of the database at `path` in its place, with a
    // key from `passphrase`, or a plain copy of a sealed one (whose key must be unlocked).
    // Either is one step: the file at `path` is the old one or the new one, never half of
    // either. Whoever else wants the file waits meanwhile. encrypt() overwrites the old file,
    // and returns false when it could not because another name (a hard link) leads to it.
    static bool encrypt(const std::filesystem::path& path, const std::string& passphrase);
    static void decrypt(const std::filesystem::path& path);
    // Whether the database at `path` is sealed.
    static bool is_encrypted(const std::filesystem::path& path);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) = delete;
    ~Store();

    void commit();
    // Whether this command has written any record since the store was opened (bringing an
    // older schema up to date not counted).
    bool changed() const;
    // Undo (SPEC §6.1): every change the command makes from here on is recorded, and kept
    // with `command` when it commits; the newest 50 commands are kept.
    void record_changes();
    void keep_for_undo(const std::string& command, const std::string& at);
    struct Undoable {
        std::int64_t id = 0;
        std::string at;
        std::string command;
    };
    std::vector<Undoable> undoable(); // newest first
    // Takes back the newest command kept; nullopt when there is none.
    std::optional<Undoable> undo_last();
    // Forgets every command kept: what they removed is then gone from the file, and from its
    // -wal, once commit() has run.
    int clear_undo();

    // What opening changed that a member should hear of (permissions tightened), one line each.
    const std::vector<std::string>& notices() const { return m_notices; }

    // Settings (SPEC §6 config).
    std::optional<std::string> setting(const std::string& key);
    void set_setting(const std::string& key, const std::string& value);
    std::vector<std::pair<std::string, std::string>> settings();
    Weekday week_start();

    // Goals. Adding fills in id and, when empty, uuid.
    void add_goal(Goal& goal);
    std::optional<Goal> goal(std::int64_t id); // with all its completions
    std::optional<Goal> goal_without_completions(std::int64_t id);
    // With the completions the rules need for one week: all of a once goal's, and a weekly
    // goal's in that week (a goal kept for years need not bring them all).
    std::optional<Goal> goal_for_week(std::int64_t id, Week week);
    // Writes what a rule decided (rules.hpp): the completions taken back (removed on `today`)
    // and added (ids filled in), then the goal's own fields as `change.after` has them.
    void save(GoalChange& change, Date today);
    // Writes a goal's own fields (text, area, kind, target, planned date, status, C) where they
    // differ from what is stored.
    void update_goal(const Goal& goal);
    // Records a completion as it is; the caller applies rule 1 (see save).
    void add_completion(Completion& completion);
    std::optional<Completion> completion(std::int64_t id);

    // Removal (SPEC §6.1). Each remembers the record's uuid with the day `on`, so that an
    // import of an older export does not bring it back, and keeps the weekly rollup exact;
    // each returns false when there was no such record.
    bool remove_completion(std::int64_t completion_id, Date on); // the caller applies rule 1
    bool remove_goal(std::int64_t id, Date on);                  // with its completions
    bool remove_checkin(std::int64_t id, Date on);
    bool remove_urge(std::int64_t id, Date on);
    bool remove_comparison(std::int64_t id, Date on); // with its items
    bool remove_comparison_item(std::int64_t item_id, Date on);
    // Whether a record with this uuid was removed here.
    bool is_removed(const std::string& uuid);
    // Remembers a removal another copy made (import): false when it was already remembered.
    bool remember_removed(const std::string& uuid, Date on);

    // Goals that can be active in some week between `from` and `to` (dates), with the
    // completions the rules need there, and the check-ins dated in between.
    // Urges are loaded from `urges_from` on (default: from), for callers that count earlier ones.
    // With `listed`, the open once goals planned before the window (which only roll over
    // through it; in a history that never lets go, nearly all of them) are not all loaded: only
    // the `listed` carried longest, with every goal of the last planned week among them, and the
    // number of the rest in History::carried_not_loaded. A view that lists `listed` of them
    // longest carried first, and counts the rest, shows the same.
    History history_in_weeks(Date from, Date to, std::optional<Date> urges_from = std::nullopt,
                             std::optional<std::size_t> listed = std::nullopt);
    // The same without the urges, for views of goals only.
    History goals_in_weeks(Date from, Date to, std::optional<std::size_t> listed = std::nullopt);
    // The goals of goals_in_weeks(from, to) a part of at most `part` at a time, in id order,
    // each with its completions: for a list of every goal of a week that holds few at once.
    // A list shows neither a goal's uuid nor when it was added: both are left empty.
    void each_goal_in_weeks(Date from, Date to, std::size_t part,
                            const std::function<void(std::vector<Goal>&)>& each);
    // Every goal with every completion, in id order.
    std::vector<Goal> all_goals();

    void add_checkin(Checkin& checkin);
    std::optional<Checkin> checkin(std::int64_t id);
    // Writes a check-in's date, rating and note, moving it to the week its date counts in;
    // false when it is no longer there.
    bool update_checkin(const Checkin& checkin);
    // Check-ins dated from `from` to `to`, oldest first.
    std::vector<Checkin> checkins_between(Date from, Date to);
    // Check-ins that count in the weeks from the one holding `from` to the one holding `to`
    // (the meeting boundary: each counts in the week holding the day before it).
    std::vector<Checkin> checkins_in_weeks(Date from, Date to);

    // Urges, oldest first; fills in id and, when empty, uuid.
    void add_urge(Urge& urge);
    std::optional<Urge> urge(std::int64_t id);
    // Writes every field of an urge but its uuid and created time; false when it is gone.
    bool update_urge(const Urge& urge);
    std::vector<Urge> urges_between(Date from, Date to);
    // How many urges each week from `first` holds, for `weeks` weeks.
    std::vector<int> urges_per_week(Week first, int weeks);

    // Cost-benefit comparisons and their items.
    void add_comparison(CostBenefit& comparison);
    std::optional<CostBenefit> comparison(std::int64_t id); // with its items
    std::vector<CostBenefit> comparisons();                 // without items
    void rename_comparison(std::int64_t id, const std::string& title);
    void add_comparison_item(std::int64_t comparison_id, CostBenefitItem& item);
    // Writes an item's quadrant, term, weight and text.
    void update_comparison_item(const CostBenefitItem& item);

    // The Hierarchy of Values (SPEC §6.2), most important first; `limit` keeps the first few.
    std::vector<Value> values(std::optional<int> limit = std::nullopt);
    std::optional<Value> value(std::int64_t id);
    // Puts a value at its position (0, or past the end: last), the ones from there moving down.
    void add_value(Value& value);
    // Moves a value to `position` (1 to the count), the others closing up around it.
    void move_value(std::int64_t id, int position);
    void update_value_text(std::int64_t id, const std::string& text);
    bool remove_value(std::int64_t id, Date on); // the ones below move up

    // The Lifestyle Balance Pie: the member's areas (their own, else the default), ratings.
    std::vector<std::string> balance_areas();
    void add_balance_rating(BalanceRating& rating);
    std::optional<BalanceRating> balance_rating(std::int64_t id);
    // Each of the member's areas with its latest two ratings: a few index reads an area.
    std::vector<AreaRatings> balance_pie();
    // Every rating, newest first.
    std::vector<BalanceRating> balance_ratings();
    bool remove_balance_rating(std::int64_t id, Date on);

    // SMART's ABC. Adding fills in the id; an urge_id must name an urge that is here.
    void add_abc(Abc& abc);
    std::optional<Abc> abc(std::int64_t id);
    // Writes every field but the uuid and created time.
    void update_abc(const Abc& abc);
    // ABCs dated from `from` to `to` (all when unset), oldest first.
    std::vector<Abc> abcs_between(std::optional<Date> from, std::optional<Date> to);
    bool remove_abc(std::int64_t id, Date on);

    // SMART's Change Plan. Adding fills in the id; its lines are written whole.
    void add_plan(ChangePlan& plan);
    std::optional<ChangePlan> plan(std::int64_t id); // with its lines
    std::vector<ChangePlan> plans();                 // with their lines, oldest first
    // Writes the change, the two ratings and every line as `plan` has them.
    void update_plan(const ChangePlan& plan);
    bool remove_plan(std::int64_t id, Date on); // with its lines; goals made from it stay

    // The totals of every week up to and including `week` (rule 8), from the weekly rollup.
    Totals totals_through(Week week);
    // The earliest date of any planned week, completion, check-in (the day before it, in the
    // week it counts in) or urge.
    std::optional<Date> earliest_date();
    // The latest day anything was recorded on: a goal added, a completion, a check-in, an urge,
    // a comparison started, an ABC, a balance rating, a value or a change plan made.
    std::optional<Date> latest_record_date();

    // The id of the record with this uuid in `table` (goals, completions, checkins, urges,
    // comparisons, comparison_items), for merging an import.
    std::optional<std::int64_t> id_of_uuid(std::string_view table, const std::string& uuid);
    // Binds `wanted` as the new record's id when it is positive and free, NULL otherwise (SQLite
    // then picks the next id). Adding a record with a nonzero id asks to keep that id.
    void bind_wanted_id(SQLite::Statement& insert, std::string_view table, std::int64_t wanted);

    // A cursor over records for an export, which reads each row as it comes: memory does not
    // grow with the history. Step it with executeStep() and read getColumn(i).
    std::unique_ptr<SQLite::Statement> rows(Rows which, const RowWindow& window);
    // Goals' ids and texts, in id order (shell completion); `open_only` leaves closed ones out.
    std::vector<std::pair<std::int64_t, std::string>> goal_texts(bool open_only);

    // The connection itself, for tests that look at what is stored.
    SQLite::Database& database() { return *m_db; }

private:
    explicit Store(std::unique_ptr<SQLite::Database> db, bool write);
    void migrate();
    void keep_key(const std::filesystem::path& path);
    std::vector<Goal> load_goals(const std::string& select,
                                 const std::function<void(Query&)>& bind);
    // `details`: each completion's uuid and note too; without them the completions are read
    // from their index alone.
    void attach_completions(std::vector<Goal>& goals, std::optional<std::pair<Date, Date>> weekly,
                            bool details = true);
    void attach_all_completions(Goal& goal);
    // Weekly goals' earlier targets (rule 9), read and written whole.
    void attach_targets(std::vector<Goal>& goals);
    void write_targets(const Goal& goal);

    // The weekly rollup (store_totals.cpp), kept by every write below that changes what it
    // counts: a goal's weeks achieved, check-ins, urges.
    struct WeekCounts {
        int checkins = 0;
        int goals_achieved = 0;
        int urges = 0;
        int urges_ridden_out = 0;
    };
    void count_in_week(Date day, WeekCounts delta);
    // Every week's totals (schema 14) summed again from the weeks.
    void recount_all_time();
    // A weekly goal with its completions in the week holding `day`; nullopt for a once goal.
    std::optional<Goal> weekly_goal_week(std::int64_t goal_id, Date day);
    // Moves a goal's weeks achieved from what `before` gives to what `after` gives.
    void recount_achieved(const Goal& before, const Goal& after);
    // Counts everything again: after the week-start changes, and when the rollup is created.
    void rebuild_week_totals();
    // How many once goals are open (schema 15), kept by add_goal, update_goal and remove_goal
    // as a goal enters or leaves them; counted again after an undo.
    void count_open_once(const Goal* before, const Goal* after);
    void recount_open_once();
    // The open once goals planned before `day`, counted along the shorter side of the index;
    // without `use_kept`, each one of them.
    std::size_t open_once_planned_before(Date day, bool use_kept = true);
    // Deletes row `id` of `table` (a record table) and remembers its uuid as removed on `on`.
    bool delete_remembered(std::string_view table, std::int64_t id, Date on);

    // A statement prepared once per command and reset for each use: preparing a write also
    // compiles the triggers it fires, which is most of the cost of one record.
    SQLite::Statement& cached(const std::string& sql);

    FileLock m_lock; // declared before m_db: released after the connection has closed
    std::unique_ptr<SQLite::Database> m_db;
    // Declared after m_db, so destroyed before it.
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>> m_statements;
    bool m_in_transaction = false;
    sqlite3_session* m_session = nullptr; // recording this command's changes, for undo
    bool m_wal_had_pages = false; // when opened to write: the -wal held pages not yet written back
    bool m_write_back = false;    // commit() checkpoints the -wal into the file and empties it
    std::int64_t m_changes_at_open = 0; // rows SQLite had changed when open() returned
    std::vector<std::string> m_notices;
};

// A new database for `path`, complete with its schema, under a temporary name beside it: a
// first command runs in it, and publish() then puts it in place in one step, so that no
// other smartgoals ever sees half a database and a failing first command leaves no file
// (SPEC §8). Unpublished, it is removed again, with the directories it had to create.
class NewDatabase {
public:
    explicit NewDatabase(const std::filesystem::path& path);
    NewDatabase(const NewDatabase&) = delete;
    NewDatabase& operator=(const NewDatabase&) = delete;
    ~NewDatabase();

    const std::filesystem::path& file() const { return m_temp; }
    // Links the file in at `path`; false when another smartgoals created one there first.
    bool publish();

private:
    bool replace_empty_file();

    std::filesystem::path m_path;
    std::filesystem::path m_temp;
    std::vector<std::filesystem::path> m_made_directories;
    bool m_published = false;
};

// Where the database lives: --db, SMARTGOALS_DB, $XDG_DATA_HOME, ~/.local/share (SPEC §3).
// Arguments are empty when not set.
std::filesystem::path database_path(const std::string& option, const std::string& env_db,
                                    const std::string& xdg_data_home, const std::string& home);

} // namespace smartgoals
