// SPDX-License-Identifier: MIT
// Opening the database (SPEC §3): what the file is, decided read-only before anything writes
// to it; a new file made whole beside its place and linked in; permissions kept private.
#include "schema.hpp"

#include <smartgoals/errors.hpp>
#include <smartgoals/seal.hpp>
#include <smartgoals/store.hpp>

#include <SQLiteCpp/Statement.h>
#include <climits>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <sqlite3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace smartgoals {

namespace fs = std::filesystem;

std::string system_reason(int error) {
    switch (error) {
    case ENOSPC:
        return "the disk is full";
    case EDQUOT:
        return "the disk quota is used up";
    case EROFS:
        return "the file system is read-only";
    case EACCES:
    case EPERM:
        return "permission denied";
    case EFBIG:
        return "the file is larger than the system allows";
    case EIO:
        return "the disk reported an input/output error";
    default:
        return std::strerror(error);
    }
}

namespace {

constexpr int k_busy_timeout_ms = 10000;
// The pages a command that only reads keeps in SQLite's cache (Store::open), where SQLite's
// default is 2 MB, about 480 pages. A read never dirties a page, so a few buffers serve it: each
// page read into a buffer not used before is fresh heap, a page fault the first time (about
// 10 us on a virtual machine), where a page read again is one pread from the system's file
// cache (and, for an encrypted file, one decryption). It took `goal list` over 5,000 goals from
// 30.5 to 22.8 ms and `export urges` from 115 to 104 ms (SPEC §9).
constexpr int k_read_cache_pages = 20;
// Before a write, a file of up to this many pages (1 MiB of 4 KiB pages) is checked whole with
// SQLite's integrity check, which costs a few milliseconds at that size; a larger file relies on
// SQLite's checks of every page a command reads (cell_size_check) and is checked whole before
// a migration.
constexpr long long k_checked_pages = 256;
constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};

[[noreturn]] void refuse(const fs::path& path, std::string_view why) {
    throw StorageError(fmt::format("{} {}; it was left untouched", path.string(), why));
}

[[noreturn]] void damaged(const fs::path& path, std::string_view why) {
    throw StorageError(
        fmt::format("the database is damaged ({}); {} was left untouched", why, path.string()));
}

// Creates each missing directory 0700 whatever the umask; returns those it made, outermost
// first.
void create_directories_private(const fs::path& dir, std::vector<fs::path>& made) {
    if (dir.empty() || fs::exists(dir)) {
        return;
    }
    create_directories_private(dir.parent_path(), made);
    if (::mkdir(dir.c_str(), 0700) != 0) {
        if (errno == EEXIST) {
            return;
        }
        throw StorageError(
            fmt::format("cannot create the directory {}: {}", dir.string(), system_reason(errno)));
    }
    ::chmod(dir.c_str(), 0700);
    made.push_back(dir);
}

std::string kind_of_file(mode_t mode) {
    if (S_ISDIR(mode)) {
        return "a directory";
    }
    if (S_ISFIFO(mode)) {
        return "a FIFO";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    return "not a regular file";
}

// What the first bytes say, without SQLite: a file too short to be a database is damage, one
// without SQLite's header (or a sealed database's) is another program's.
struct Header {
    bool sealed = false; // SPEC §3.1
    // SQLite's own header, as the file holds it: in WAL mode (bytes 18 and 19), and the schema
    // version smartgoals wrote (user_version, bytes 60 to 63).
    bool wal = false;
    int user_version = -1;
};

Header check_header(const fs::path& path, off_t size) {
    std::array<unsigned char, 100> bytes{};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    const ssize_t got = fd < 0 ? -1 : ::read(fd, bytes.data(), bytes.size());
    const int error = errno;
    if (fd >= 0) {
        ::close(fd);
    }
    if (got < 0) {
        throw StorageError(
            fmt::format("cannot read the database {}: {}", path.string(), system_reason(error)));
    }
    const std::string_view start(reinterpret_cast<const char*>(bytes.data()),
                                 std::min<std::size_t>(static_cast<std::size_t>(got), 16));
    Header header;
    header.sealed = seal::is_sealed_header(start);
    if (seal::is_damaged_seal_header(start)) {
        damaged(path, "the first bytes of its encrypted header are not as written");
    }
    if (!header.sealed && !k_sqlite_magic.starts_with(start)) {
        refuse(path, "is not a smartgoals database (it is not SQLite)");
    }
    if (size < 512) {
        damaged(path, fmt::format("it holds only {} byte{}, less than any database", size,
                                  size == 1 ? "" : "s"));
    }
    if (header.sealed && size % seal::k_page_size != 0) {
        damaged(path, "it ends inside a page");
    }
    if (!header.sealed && got == static_cast<ssize_t>(bytes.size())) {
        header.wal = bytes[18] == 2 && bytes[19] == 2;
        const auto version = (std::uint32_t{bytes[60]} << 24) | (std::uint32_t{bytes[61]} << 16) |
                             (std::uint32_t{bytes[62]} << 8) | std::uint32_t{bytes[63]};
        header.user_version = version <= INT_MAX ? static_cast<int>(version) : -1;
    }
    return header;
}

// A sealed page that does not match its tag is damage (SQLite's error for a failed check).
bool is_damage(const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    return code == SQLITE_CORRUPT || e.getExtendedErrorCode() == SQLITE_IOERR_DATA ||
           seal::found_damage();
}

void remove_stale_copies(const fs::path& path);

// A -wal holding pages not yet written back stays as it is until the command commits: SQLite
// would otherwise write them into the file when this connection closes, even after a failure
// on the way (a schema that does not parse), and a refused file must be left byte for byte.
void keep_wal_until_commit(SQLite::Database& db, bool wal_had_pages) {
    if (wal_had_pages) {
        sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    }
}

std::unique_ptr<SQLite::Database> connect(const fs::path& path, bool write, bool sealed) {
    try {
        auto db = std::make_unique<SQLite::Database>(
            path.string(),
            // One thread per connection: SQLite need not lock its mutex for every call.
            (write ? SQLite::OPEN_READWRITE : SQLite::OPEN_READONLY) | SQLite::OPEN_NOMUTEX,
            k_busy_timeout_ms, sealed ? seal::vfs_name() : "");
        if (sealed) {
            // Sorting and statement journals stay in memory: no temporary file holds data.
            db->exec("PRAGMA temp_store = MEMORY");
        }
        // Every page read is checked for cells that run off it: damage is an error, not a read
        // past the end.
        db->exec("PRAGMA cell_size_check = ON");
        return db;
    } catch (const SQLite::Exception& e) {
        if (seal::found_damage()) {
            damaged(path, seal::k_damage_reason);
        }
        throw StorageError(fmt::format("cannot open the database {}: {}", path.string(), e.what()));
    }
}

struct Classified {
    int version = 0; // 0: a new, empty database
    bool sealed = false;
    std::unique_ptr<SQLite::Database> reader;
    // Decided from the header alone (see classify): the tables are still to be checked, on the
    // connection the command keeps.
    bool tables_unchecked = false;
};

// A file SQLite could not read while deciding what it is, in smartgoals' words.
[[noreturn]] void unreadable(const fs::path& path, const SQLite::Exception& e) {
    const int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_NOTADB) {
        refuse(path, "is not a smartgoals database (it is not SQLite)");
    }
    if (is_damage(e)) {
        damaged(path, seal::found_damage() ? seal::k_damage_reason : e.what());
    }
    throw StorageError(fmt::format("cannot read the database {}: {}; it was left untouched",
                                   path.string(), e.what()));
}

// Refuses a file that is not the version's smartgoals database: a table missing is damage, as is
// a page SQLite finds damaged on the way.
void check_tables(SQLite::Database& db, const fs::path& path, int version) {
    try {
        std::vector<std::string> tables;
        SQLite::Statement query(db, "SELECT name FROM sqlite_master WHERE type = 'table'");
        while (query.executeStep()) {
            tables.push_back(query.getColumn(0).getString());
        }
        if (version == 0) {
            const int objects = db.execAndGet("SELECT count(*) FROM sqlite_master").getInt();
            if (objects > 0) {
                refuse(path, "is an SQLite file of another program, not a smartgoals database");
            }
            return;
        }
        for (const auto& table : tables_of_version(version)) {
            if (std::find(tables.begin(), tables.end(), table) == tables.end()) {
                damaged(path, fmt::format("its table {} is missing", table));
            }
        }
    } catch (const SQLite::Exception& e) {
        unreadable(path, e);
    }
}

// Decides what the file is on a read-only connection, which never writes, checkpoints or
// changes the journal mode (SPEC §3). Throws StorageError for anything but a smartgoals file.
Classified classify_file(const fs::path& path, bool header_only);

// Removes the empty -wal (and the -shm) that a connection to a refused file made beside it, where
// there were none before (SPEC §8: a failing command creates no file).
void remove_wal_files_made(const fs::path& path, bool had_wal, bool had_shm) {
    const fs::path wal = path.string() + "-wal", shm = path.string() + "-shm";
    std::error_code ignored;
    if (!had_wal && fs::exists(wal, ignored) && fs::file_size(wal, ignored) == 0) {
        ::unlink(wal.c_str());
        if (!had_shm) {
            ::unlink(shm.c_str());
        }
    }
}

// SQLite's read-only connection makes an empty -wal and -shm beside a file in WAL mode; a file
// that is refused gets neither.
Classified classify(const fs::path& path, bool header_only = true) {
    std::error_code ignored;
    const bool had_wal = fs::exists(path.string() + "-wal", ignored),
               had_shm = fs::exists(path.string() + "-shm", ignored);
    try {
        return classify_file(path, header_only);
    } catch (const StorageError&) {
        remove_wal_files_made(path, had_wal, had_shm);
        throw;
    }
}

// The checks a file told from its header alone (Classified::tables_unchecked) still needs, on
// the connection the command keeps. A refused file is left as it was found: the connection is
// closed and the -wal and -shm it made removed (a read-only file's connection cannot remove
// them itself).
template <typename Check>
void check_on_connection(std::unique_ptr<SQLite::Database>& db, const fs::path& path,
                         Check&& check) {
    try {
        try {
            check();
        } catch (const SQLite::Exception& e) {
            unreadable(path, e);
        }
    } catch (const StorageError&) {
        db.reset();
        remove_wal_files_made(path, false, false);
        throw;
    }
}

Classified classify_file(const fs::path& path, bool header_only) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        throw StorageError(
            fmt::format("cannot open the database {}: {}", path.string(), system_reason(errno)));
    }
    if (!S_ISREG(st.st_mode)) {
        refuse(path, fmt::format("is {}, not a database file; name a file with --db",
                                 kind_of_file(st.st_mode)));
    }
    Classified c;
    if (st.st_size == 0) {
        return c; // made by smartgoals a moment ago, or by `touch`: a new database
    }
    const Header header = check_header(path, st.st_size);
    c.sealed = header.sealed;
    // The file as smartgoals leaves it: in WAL mode at this version, with no -wal or -shm (no
    // other connection, nothing to outdate its header) and no rollback journal that a connection
    // able to write would play back. Its header is then the whole answer, and the one
    // connection the command keeps checks the tables; a second connection here would read the
    // schema twice.
    const auto absent = [&](const char* suffix) {
        struct stat beside {};
        return ::stat((path.string() + suffix).c_str(), &beside) != 0 && errno == ENOENT;
    };
    if (header_only && header.wal && header.user_version == Store::k_schema_version &&
        absent("-wal") && absent("-shm") && absent("-journal")) {
        c.version = header.user_version;
        c.tables_unchecked = true;
        return c;
    }
    if (c.sealed) {
        seal::unlock(path);
    }
    c.reader = connect(path, false, c.sealed);
    try {
        c.version = c.reader->execAndGet("PRAGMA user_version").getInt();
        if (c.version < 0) {
            damaged(path,
                    fmt::format("its schema version {} is not one smartgoals wrote", c.version));
        }
        if (c.version > Store::k_schema_version) {
            refuse(path, fmt::format("was written by a newer smartgoals (schema {}; this one "
                                     "reads up to {}); use the newer smartgoals",
                                     c.version, Store::k_schema_version));
        }
    } catch (const SQLite::Exception& e) {
        unreadable(path, e);
    }
    check_tables(*c.reader, path, c.version);
    return c;
}

std::string octal(mode_t mode) {
    return fmt::format("{:04o}", mode & 07777);
}

// Takes group and other permissions away from a file or directory of ours; returns what it
// changed, for the one line that tells of it.
std::string tighten(const fs::path& path) {
    struct stat st {};
    // Only group and other permissions are taken away: a file the member made read-only stays so.
    if (::lstat(path.c_str(), &st) != 0 || S_ISLNK(st.st_mode) || st.st_uid != ::geteuid() ||
        (st.st_mode & 077) == 0 || ::chmod(path.c_str(), st.st_mode & 07700) != 0) {
        return {};
    }
    return fmt::format("{} from {} to {}", path.string(), octal(st.st_mode),
                       octal(st.st_mode & 07700));
}

void tighten_all(const fs::path& path, std::vector<std::string>& notices) {
    std::vector<std::string> changed;
    // smartgoals' own directory is made private; a directory the member chose for the file
    // (--db ~/notes/goals.db, or /tmp) is theirs to set.
    const fs::path dir = path.parent_path();
    if (dir.filename() == "smartgoals") {
        changed.push_back(tighten(dir));
    }
    changed.push_back(tighten(path));
    // SQLite gives these the database's own permissions; they follow it without a word.
    tighten(path.string() + "-wal");
    tighten(path.string() + "-shm");
    std::erase(changed, std::string());
    if (!changed.empty()) {
        notices.push_back(fmt::format("others could read your data; changed the permissions of {}",
                                      fmt::join(changed, " and of ")));
    }
}

int fsync_path(const fs::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    const int result = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return result;
}

void remove_database_files(const fs::path& path) {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        ::unlink((path.string() + suffix).c_str());
    }
}

} // namespace

Store Store::open(const fs::path& path, Mode mode) {
    const bool write = mode == Mode::write;
    if (!fs::exists(path) && !fs::is_symlink(path)) {
        if (!write) {
            return in_memory(); // a read of a missing database sees an empty one
        }
        NewDatabase fresh(path);
        fresh.publish(); // or another smartgoals made it meanwhile: use theirs
    }
    FileLock lock = FileLock::take(path, false);
    struct stat wal {};
    const bool wal_had_pages =
        ::stat((path.string() + "-wal").c_str(), &wal) == 0 && wal.st_size > 0;
    Classified file = classify(path);
    if (file.sealed && lock.fd() >= 0) {
        remove_stale_copies(path); // no encrypt or decrypt runs while this lock is held
    }
    std::vector<std::string> notices;
    // A file told from its header alone is made private once its tables are checked: a refused
    // file keeps its permissions.
    if (!file.tables_unchecked) {
        tighten_all(path, notices);
    }
    if (!write && file.version == Store::k_schema_version) {
        // A read-only connection leaves the -wal and -shm it needed behind; a connection that
        // may write but is told not to removes them on closing, as the last one out.
        std::unique_ptr<SQLite::Database> db;
        try {
            db = connect(path, true, file.sealed);
        } catch (const StorageError&) {
        }
        if (db) {
            keep_wal_until_commit(*db, wal_had_pages);
            const auto join = [&] {
                db->exec("PRAGMA query_only = ON");
                // Reading once joins the WAL (and the files a read-only connection opened for
                // it), so that this connection, closing last, removes them.
                (void)db->execAndGet("PRAGMA schema_version");
            };
            if (file.tables_unchecked) {
                check_on_connection(db, path, [&] {
                    join();
                    check_tables(*db, path, file.version);
                });
                tighten_all(path, notices);
            } else {
                join();
            }
            file.reader.reset();
        } else {
            // A file or directory the member made read-only: the read-only connection it is.
            if (file.tables_unchecked) {
                file = classify(path, false);
                tighten_all(path, notices);
            }
            db = std::move(file.reader);
        }
        db->exec(fmt::format("PRAGMA cache_size = {}", k_read_cache_pages));
        db->exec("PRAGMA foreign_keys = ON");
        Store store(std::move(db), false);
        store.m_lock = std::move(lock);
        store.m_wal_had_pages = wal_had_pages;
        store.m_notices = std::move(notices);
        if (file.sealed) {
            store.keep_key(path);
        }
        return store;
    }
    file.reader.reset();
    if (!write && file.version == 0) {
        return in_memory(); // an empty file reads as an empty database, and stays as it is
    }
    if (!write) {
        // Bring an older (or new, empty) file up to date first, then read it.
        open(path, Mode::write).commit();
        Store store = open(path, mode);
        store.m_notices.insert(store.m_notices.begin(), notices.begin(), notices.end());
        return store;
    }
    auto db = connect(path, true, file.sealed);
    keep_wal_until_commit(*db, wal_had_pages);
    if (file.tables_unchecked) {
        check_on_connection(db, path, [&] { check_tables(*db, path, file.version); });
        tighten_all(path, notices);
    }
    if (db->execAndGet("PRAGMA journal_mode").getString() != "wal") {
        db->exec("PRAGMA journal_mode = WAL");
    }
    db->exec("PRAGMA synchronous = FULL");
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA secure_delete = ON");
    Store store(std::move(db), true);
    store.m_lock = std::move(lock);
    store.m_wal_had_pages = wal_had_pages;
    store.m_notices = std::move(notices);
    // Checked inside the write transaction, before anything is written: only a connection
    // that may write has SQLite check CHECK constraints as well as the file's structure.
    const int version = store.m_db->execAndGet("PRAGMA user_version").getInt();
    if (version < k_schema_version ||
        store.m_db->execAndGet("PRAGMA page_count").getInt64() <= k_checked_pages) {
        const std::string verdict = store.m_db->execAndGet("PRAGMA integrity_check(1)").getString();
        if (verdict != "ok") {
            damaged(path, "SQLite's integrity check found a fault");
        }
    }
    if (version < k_schema_version) {
        if (store.m_db->execAndGet("PRAGMA user_version").getInt() == 0 &&
            store.m_db->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0) {
            refuse(path, "is an SQLite file of another program, not a smartgoals database");
        }
        store.migrate();
        store.commit();
        store.m_db->exec("BEGIN IMMEDIATE");
        store.m_in_transaction = true;
    }
    if (file.sealed) {
        store.keep_key(path);
    }
    store.m_changes_at_open = sqlite3_total_changes64(store.m_db->getHandle());
    return store;
}

// The key that opened a sealed database is kept in the session keyring for unlock-minutes
// (SPEC §3.1), counted again from each command that uses it.
void Store::keep_key(const fs::path& path) {
    const auto value = setting("unlock-minutes");
    const auto minutes = value ? seal::parse_unlock_minutes(*value) : std::nullopt;
    seal::remember(path, minutes.value_or(seal::k_default_unlock_minutes));
}

FileLock::FileLock(FileLock&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}

FileLock& FileLock::operator=(FileLock&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

FileLock::~FileLock() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

FileLock FileLock::take(const fs::path& path, bool exclusive) {
    const auto deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
    for (;;) {
        FileLock lock;
        lock.m_fd = ::open(path.c_str(), (exclusive ? O_RDWR : O_RDONLY) | O_CLOEXEC | O_NONBLOCK);
        if (lock.m_fd < 0 && exclusive) {
            // Replacing the file is writing it: a file the member made read-only stays as it is.
            throw StorageError(fmt::format("cannot write the database {}: {}; nothing was changed",
                                           path.string(), system_reason(errno)));
        }
        struct stat held {};
        if (lock.m_fd < 0 || ::fstat(lock.m_fd, &held) != 0 || !S_ISREG(held.st_mode)) {
            return {};
        }
        while (::flock(lock.m_fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
            if (errno != EWOULDBLOCK && errno != EINTR && exclusive) {
                throw StorageError(fmt::format(
                    "cannot lock the database {} ({}), and replacing it needs a lock that keeps "
                    "every other smartgoals out; nothing was changed",
                    path.string(), system_reason(errno)));
            }
            if (errno != EWOULDBLOCK && errno != EINTR) {
                return {}; // a file system without flock: SQLite's own locks still hold
            }
            if (std::chrono::steady_clock::now() > deadline) {
                throw StorageError("the database stayed locked by another smartgoals for too "
                                   "long; nothing was changed; try again");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        // The file may have been replaced while this waited: then lock the one there now.
        struct stat now {};
        if (::stat(path.c_str(), &now) != 0 ||
            (now.st_ino == held.st_ino && now.st_dev == held.st_dev)) {
            return lock;
        }
    }
}

NewDatabase::NewDatabase(const fs::path& path) : m_path(path) {
    // A -wal or journal without its database is what is left of one that was removed: SQLite
    // would replay it into the new file. It may be all that is left of someone's data, so it is
    // not removed either.
    for (const char* suffix : {"-wal", "-journal"}) {
        const fs::path left = path.string() + suffix;
        struct stat st {};
        struct stat database {};
        // Looked at after the file beside it: another smartgoals may have put its database in
        // place meanwhile, and then the -wal is that database's own.
        if (::stat(left.c_str(), &st) == 0 && st.st_size > 0 &&
            ::stat(path.c_str(), &database) != 0) {
            throw StorageError(fmt::format(
                "{} is left from a database that is no longer there; move it away (or put its "
                "database back) before smartgoals makes a new one",
                left.string()));
        }
    }
    create_directories_private(path.parent_path(), m_made_directories);
    try {
        std::string name = path.string() + ".new-XXXXXX";
        const int fd = ::mkostemp(name.data(), O_CLOEXEC);
        if (fd < 0) {
            throw StorageError(fmt::format("cannot create the database {}: {}", path.string(),
                                           system_reason(errno)));
        }
        ::fchmod(fd, 0600);
        ::close(fd);
        m_temp = name;
        Store store = Store::open(m_temp, Store::Mode::write);
        store.commit();
    } catch (...) {
        if (!m_temp.empty()) {
            remove_database_files(m_temp);
        }
        for (auto it = m_made_directories.rbegin(); it != m_made_directories.rend(); ++it) {
            ::rmdir(it->c_str());
        }
        throw;
    }
}

NewDatabase::~NewDatabase() {
    remove_database_files(m_temp);
    if (!m_published) {
        for (auto it = m_made_directories.rbegin(); it != m_made_directories.rend(); ++it) {
            ::rmdir(it->c_str());
        }
    }
}

// An empty file stood at the path (made with touch, say): it becomes the database. Every
// smartgoals doing this holds an exclusive flock on that empty file and checks, under it, that
// it is still the one at the path and still empty, so no two replace it in turn.
bool NewDatabase::replace_empty_file() {
    const int fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        errno = EEXIST;
        return false;
    }
    struct stat held {
    }, now{};
    bool replaced = false;
    if (::flock(fd, LOCK_EX) == 0 && ::fstat(fd, &held) == 0 && S_ISREG(held.st_mode) &&
        held.st_size == 0 && ::stat(m_path.c_str(), &now) == 0 && now.st_ino == held.st_ino &&
        now.st_dev == held.st_dev && std::rename(m_temp.c_str(), m_path.c_str()) == 0) {
        replaced = true;
        m_published = true;
        fsync_path(m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path(),
                   O_RDONLY | O_DIRECTORY);
    }
    ::close(fd);
    errno = EEXIST;
    return replaced;
}

bool NewDatabase::publish() {
    // Every connection to the new file is closed by now: its WAL is written back and gone.
    if (const int error = fsync_path(m_temp, O_RDONLY)) {
        throw StorageError(
            fmt::format("cannot write the database {}: {}", m_path.string(), system_reason(error)));
    }
    // link() never replaces a file; where the file system has no links, renaming without
    // replacing does the same.
    if (::link(m_temp.c_str(), m_path.c_str()) != 0 &&
        ((errno != EPERM && errno != ENOTSUP) ||
         ::renameat2(AT_FDCWD, m_temp.c_str(), AT_FDCWD, m_path.c_str(), RENAME_NOREPLACE) != 0)) {
        if (errno == EEXIST && replace_empty_file()) {
            return true;
        }
        if (errno == EEXIST) {
            m_published = true; // the directories hold another smartgoals' database now
            return false;
        }
        throw StorageError(fmt::format("cannot create the database {}: {}", m_path.string(),
                                       system_reason(errno)));
    }
    m_published = true;
    fsync_path(m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path(),
               O_RDONLY | O_DIRECTORY);
    return true;
}

} // namespace smartgoals

// ---- Encryption on and off (SPEC §3.1) -----------------------------------------------------

namespace smartgoals {

namespace {

// An SQLite URI naming `path` and the VFS that reads and writes it.
std::string file_uri(const fs::path& path, const char* vfs) {
    std::string uri = "file:";
    for (const char c : fs::absolute(path).string()) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) || std::strchr("/-._~", c) != nullptr) {
            uri += c;
        } else {
            uri += fmt::format("%{:02X}", byte);
        }
    }
    return uri + "?vfs=" + vfs;
}

constexpr std::array<std::string_view, 2> k_copy_names = {".sealing-", ".opening-"};

// A copy encrypt or decrypt was writing when it was stopped (by SIGKILL, or the machine going
// down) is removed by the next command that holds the file's lock: a plain one may hold
// everything decrypt was writing out.
void remove_stale_copies(const fs::path& path) {
    std::error_code ec;
    const fs::path real = fs::canonical(path, ec);
    if (ec) {
        return;
    }
    const std::string name = real.filename().string();
    for (const auto& entry : fs::directory_iterator(real.parent_path(), ec)) {
        const std::string other = entry.path().filename().string();
        for (const auto copy : k_copy_names) {
            if (other.starts_with(name + std::string(copy))) {
                ::unlink(entry.path().c_str());
            }
        }
    }
}

// The copy being written, removed if the command is stopped by a signal meanwhile.
char g_copy[4][PATH_MAX];

extern "C" void remove_copy_and_stop(int signal) {
    for (const char* file : g_copy) {
        if (file[0] != '\0') {
            ::unlink(file);
        }
    }
    ::signal(signal, SIG_DFL);
    ::raise(signal);
}

class CopyInProgress {
public:
    explicit CopyInProgress(const fs::path& temp) {
        const char* suffixes[] = {"", "-journal", "-wal", "-shm"};
        for (std::size_t i = 0; i < std::size(suffixes); ++i) {
            std::snprintf(g_copy[i], sizeof g_copy[i], "%s%s", temp.c_str(), suffixes[i]);
        }
        struct sigaction action {};
        action.sa_handler = remove_copy_and_stop;
        sigemptyset(&action.sa_mask);
        for (std::size_t i = 0; i < std::size(k_signals); ++i) {
            ::sigaction(k_signals[i], &action, &m_saved[i]);
        }
    }
    CopyInProgress(const CopyInProgress&) = delete;
    CopyInProgress& operator=(const CopyInProgress&) = delete;
    ~CopyInProgress() {
        for (std::size_t i = 0; i < std::size(k_signals); ++i) {
            ::sigaction(k_signals[i], &m_saved[i], nullptr);
        }
        for (auto& file : g_copy) {
            file[0] = '\0';
        }
    }

private:
    static constexpr int k_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction m_saved[std::size(k_signals)]{};
};

// An empty file beside `path`, private, named so that nothing else takes it.
fs::path temp_beside(const fs::path& path, std::string_view what) {
    std::string name = fmt::format("{}{}XXXXXX", path.string(), what);
    const int fd = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd < 0) {
        throw StorageError(fmt::format("cannot write beside the database {}: {}; nothing was "
                                       "changed",
                                       path.string(), system_reason(errno)));
    }
    ::fchmod(fd, 0600);
    ::close(fd);
    return name;
}

// Writes the database at `path` to `temp` through `vfs`, as VACUUM INTO does: a snapshot of
// everything committed, rows and indexes rebuilt. `reserve` bytes of each page are left free.
int copy_database(const fs::path& path, bool sealed, const fs::path& temp, const char* vfs,
                  int reserve) {
    SQLite::Database source(path.string(),
                            SQLite::OPEN_READWRITE | SQLite::OPEN_URI | SQLite::OPEN_NOMUTEX,
                            k_busy_timeout_ms, sealed ? seal::vfs_name() : "");
    source.exec("PRAGMA temp_store = MEMORY");
    const int version = source.execAndGet("PRAGMA user_version").getInt();
    // In this order: setting the page size asks for no reserved bytes again.
    source.exec(fmt::format("PRAGMA page_size = {}", seal::k_page_size));
    sqlite3_file_control(source.getHandle(), "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
    SQLite::Statement vacuum(source, "VACUUM INTO ?");
    vacuum.bind(1, file_uri(temp, vfs));
    vacuum.exec();
    // The old -wal is written back and emptied now, not left to the closing.
    source.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return version;
}

// The copy, read back whole in WAL mode and on the disk before it takes the database's place.
void finish_copy(const fs::path& path, const fs::path& temp, bool sealed, int version) {
    {
        auto db = connect(temp, true, sealed);
        db->exec("PRAGMA journal_mode = WAL");
        if (db->execAndGet("PRAGMA integrity_check(1)").getString() != "ok" ||
            db->execAndGet("PRAGMA user_version").getInt() != version) {
            throw StorageError(fmt::format(
                "the new copy of {} did not read back whole; nothing was changed", path.string()));
        }
    }
    if (const int error = fsync_path(temp, O_RDONLY)) {
        throw StorageError(fmt::format("cannot write beside the database {}: {}; nothing was "
                                       "changed",
                                       path.string(), system_reason(error)));
    }
}

// Puts `temp` in the place of `path`, in one step, while `lock` holds the old file.
void replace(const fs::path& path, const fs::path& temp) {
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        throw StorageError(fmt::format("cannot replace the database {}: {}; nothing was changed",
                                       path.string(), system_reason(errno)));
    }
    fsync_path(path.parent_path().empty() ? fs::path(".") : path.parent_path(),
               O_RDONLY | O_DIRECTORY);
}

// Overwrites what the old, readable file held with zeros, unless another name (a hard link)
// still leads to it: then it is that name's file, and the member is told. The disk may still
// keep earlier copies of its blocks (an SSD, a journaling or copy-on-write file system): best
// effort.
bool wipe(const FileLock& lock) {
    struct stat st {};
    if (lock.fd() < 0 || ::fstat(lock.fd(), &st) != 0) {
        return true;
    }
    if (st.st_nlink > 0) {
        return false;
    }
    const std::vector<char> zeros(1 << 16, 0);
    for (off_t at = 0; at < st.st_size;) {
        const auto n = std::min<off_t>(static_cast<off_t>(zeros.size()), st.st_size - at);
        if (::pwrite(lock.fd(), zeros.data(), static_cast<std::size_t>(n), at) != n) {
            return true;
        }
        at += n;
    }
    ::fdatasync(lock.fd());
    return true;
}

// Signals wait meanwhile: what must follow a step is done before a signal can end the command.
class SignalsWait {
public:
    SignalsWait() {
        sigset_t held;
        sigemptyset(&held);
        for (const int signal : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) {
            sigaddset(&held, signal);
        }
        ::sigprocmask(SIG_BLOCK, &held, &m_saved);
    }
    SignalsWait(const SignalsWait&) = delete;
    SignalsWait& operator=(const SignalsWait&) = delete;
    ~SignalsWait() { ::sigprocmask(SIG_SETMASK, &m_saved, nullptr); }

private:
    sigset_t m_saved{};
};

// Writes a copy of the database at `real` (a file, not a link to one) through `vfs` and puts
// it in its place, keeping the file's permissions; under `lock`, held exclusively. `then` runs
// right after, before any signal can end the command.
void replace_with_copy(const fs::path& real, bool sealed, const char* what, const char* vfs,
                       const std::function<void()>& then) {
    struct stat old {};
    ::stat(real.c_str(), &old);
    remove_stale_copies(real);
    const fs::path temp = temp_beside(real, what);
    const CopyInProgress stopped_removes(temp);
    try {
        const int version = copy_database(real, sealed, temp, vfs, seal::k_reserved_bytes);
        finish_copy(real, temp, !sealed, version);
        ::chmod(temp.c_str(), old.st_mode & 07700);
        const SignalsWait in_one_go;
        replace(real, temp);
        then();
    } catch (...) {
        remove_database_files(temp);
        throw;
    }
}

} // namespace

bool Store::is_encrypted(const fs::path& path) {
    return seal::is_sealed(path);
}

bool Store::encrypt(const fs::path& path, const std::string& passphrase) {
    // Through a symbolic link, the file it leads to is encrypted, and the link kept.
    const fs::path real = fs::canonical(path);
    const FileLock lock = FileLock::take(real, true);
    if (seal::is_sealed(real)) {
        return true; // another smartgoals did it meanwhile
    }
    seal::begin_new_key(real, passphrase);
    bool wiped = true;
    replace_with_copy(real, false, ".sealing-", seal::vfs_name(), [&] { wiped = wipe(lock); });
    return wiped;
}

void Store::decrypt(const fs::path& path) {
    const fs::path real = fs::canonical(path);
    const FileLock lock = FileLock::take(real, true);
    if (!seal::is_sealed(real)) {
        return;
    }
    seal::unlock(real);
    // The plain copy keeps the reserved bytes, unused: SQLite keeps them in every copy.
    replace_with_copy(real, true, ".opening-", sqlite3_vfs_find(nullptr)->zName, [] {});
    seal::forget(real);
}

} // namespace smartgoals
