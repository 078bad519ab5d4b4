// SPDX-License-Identifier: MIT
// Encryption at rest (SPEC §3.1): the page codec, the SQLite VFS that applies it to the database,
// its -wal and its rollback journal, and the keys (Argon2id, the session keyring).
#include <smartgoals/errors.hpp>
#include <smartgoals/seal.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <keyutils.h>
#include <mutex>
#include <optional>
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

namespace smartgoals::seal {

namespace {

namespace fs = std::filesystem;

constexpr int k_page = k_page_size;
constexpr int k_reserve = k_reserved_bytes;
constexpr int k_payload_end = k_page - k_reserve;   // 4016: what SQLite stores ends here
constexpr int k_extra = 40;                         // page 1: salt, limits, key check
constexpr int k_nonce_at = k_payload_end + k_extra; // 4056
constexpr int k_nonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int k_tag_at = k_nonce_at + k_nonce; // 4080
static_assert(k_tag_at + crypto_aead_xchacha20poly1305_ietf_ABYTES == k_page);
constexpr int k_salt = crypto_pwhash_SALTBYTES; // 16
constexpr int k_check = 16;
static_assert(k_salt + 8 + k_check == k_extra);
constexpr std::string_view k_magic{"smartgoals:seal1", 16};
constexpr std::string_view k_sqlite_magic{"SQLite format 3\0", 16};
// The -wal: a 32-byte header, then frames of a 24-byte header and a page.
constexpr int k_wal_header = 32, k_frame_header = 24, k_frame = k_frame_header + k_page;

using Key = std::array<unsigned char, crypto_aead_xchacha20poly1305_ietf_KEYBYTES>;
using Extra = std::array<unsigned char, k_extra>;
using Page = std::array<unsigned char, k_page>;

enum class Kind : unsigned char { database = 'd', wal = 'w', journal = 'j' };

// The key this process opens sealed files with. One database per process.
struct Active {
    Key key{};
    Extra extra{}; // page 1's, written into a file this key creates
    bool set = false;
    std::string path; // the database it opens
};

Active& active() {
    static Active a;
    return a;
}

bool& damage_found() {
    static bool found = false;
    return found;
}

bool& renewing() {
    static bool renew = true;
    return renew;
}

PassphraseSource& passphrase_source() {
    static PassphraseSource source;
    return source;
}

void init_sodium() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) {
            throw StorageError("the encryption library could not start");
        }
    });
}

std::uint32_t read_u32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

void write_u32(unsigned char* p, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) {
        p[i] = static_cast<unsigned char>(v >> (8 * i));
    }
}

// What the tag covers besides the ciphertext: which file and where in it, and the page's clear
// bytes (page 1's magic and key settings), so that no page can be moved or its header swapped.
std::size_t additional_data(Kind kind, std::uint64_t position, const unsigned char* disk,
                            bool first, unsigned char* out) {
    std::size_t n = 0;
    out[n++] = static_cast<unsigned char>(kind);
    for (int i = 0; i < 8; ++i) {
        out[n++] = static_cast<unsigned char>(position >> (8 * i));
    }
    if (first) {
        std::memcpy(out + n, disk, k_magic.size());
        n += k_magic.size();
    }
    std::memcpy(out + n, disk + k_payload_end, k_extra);
    return n + k_extra;
}

// Seals the page SQLite wrote (`plain`) into `disk`. False when the page is not laid out as a
// sealed file needs (another page size or reserve): nothing may be written then.
bool seal_page(const Key& key, Kind kind, std::uint64_t position, const unsigned char* plain,
               unsigned char* disk, const Extra& extra) {
    if (std::any_of(plain + k_payload_end, plain + k_page, [](unsigned char c) { return c; })) {
        return false;
    }
    const bool first = kind == Kind::database && position == 1;
    std::size_t start = 0;
    std::memset(disk + k_payload_end, 0, k_extra);
    if (first) {
        // The header's page size (big-endian at 16) and reserved bytes per page (at 20).
        if (plain[16] != k_page >> 8 || plain[17] != 0 || plain[20] != k_reserve) {
            return false;
        }
        std::memcpy(disk, k_magic.data(), k_magic.size());
        std::memcpy(disk + k_payload_end, extra.data(), k_extra);
        start = k_magic.size();
    }
    randombytes_buf(disk + k_nonce_at, k_nonce);
    std::array<unsigned char, 1 + 8 + 16 + k_extra> ad{};
    const auto ad_size = additional_data(kind, position, disk, first, ad.data());
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
        disk + start, disk + k_tag_at, nullptr, plain + start, k_payload_end - start, ad.data(),
        ad_size, nullptr, disk + k_nonce_at, key.data());
    return true;
}

// Opens a sealed page into `plain`; false when it does not match its tag (damage, or another key).
bool open_page(const Key& key, Kind kind, std::uint64_t position, const unsigned char* disk,
               unsigned char* plain) {
    const bool first = kind == Kind::database && position == 1;
    if (first && std::memcmp(disk, k_magic.data(), k_magic.size()) != 0) {
        return false;
    }
    const std::size_t start = first ? k_magic.size() : 0;
    std::array<unsigned char, 1 + 8 + 16 + k_extra> ad{};
    const auto ad_size = additional_data(kind, position, disk, first, ad.data());
    if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
            plain + start, nullptr, disk + start, k_payload_end - start, disk + k_tag_at, ad.data(),
            ad_size, disk + k_nonce_at, key.data()) != 0) {
        return false;
    }
    if (first) {
        std::memcpy(plain, k_sqlite_magic.data(), k_sqlite_magic.size());
    }
    std::memset(plain + k_payload_end, 0, k_reserve);
    return true;
}

// ---- The VFS ------------------------------------------------------------------------------

struct SealedFile {
    sqlite3_file base;
    sqlite3_file* real;
    Kind kind;
    Key key;
    Extra extra; // the database's page 1 settings, written with page 1
};

constexpr int k_file_size = (sizeof(SealedFile) + 15) / 16 * 16;

SealedFile* sealed(sqlite3_file* file) {
    return reinterpret_cast<SealedFile*>(file);
}

sqlite3_file* real(sqlite3_file* file) {
    return sealed(file)->real;
}

// Where a position falls: in a page (sealed whole) or in clear bytes (the -wal's headers).
struct Slot {
    bool page;
    sqlite3_int64 start, end;
};

Slot slot_at(Kind kind, sqlite3_int64 pos) {
    if (kind == Kind::database) {
        const sqlite3_int64 start = pos / k_page * k_page;
        return {true, start, start + k_page};
    }
    if (pos < k_wal_header) {
        return {false, pos, k_wal_header};
    }
    const sqlite3_int64 frame = (pos - k_wal_header) / k_frame * k_frame + k_wal_header;
    if (pos < frame + k_frame_header) {
        return {false, pos, frame + k_frame_header};
    }
    return {true, frame + k_frame_header, frame + k_frame};
}

std::uint64_t position_of(Kind kind, sqlite3_int64 start) {
    return static_cast<std::uint64_t>(kind == Kind::database ? start / k_page + 1 : start);
}

int raw_read(SealedFile* f, void* buffer, int amount, sqlite3_int64 offset) {
    return f->real->pMethods->xRead(f->real, buffer, amount, offset);
}

int raw_write(SealedFile* f, const void* buffer, int amount, sqlite3_int64 offset) {
    return f->real->pMethods->xWrite(f->real, buffer, amount, offset);
}

// Reads the page at `start` into `plain`: zeros past the end of the file (SQLITE_IOERR_SHORT_READ).
int read_page(SealedFile* f, sqlite3_int64 start, unsigned char* plain, bool recovering) {
    Page disk;
    int rc = raw_read(f, disk.data(), k_page, start);
    bool readable = rc == SQLITE_OK;
    if (rc == SQLITE_IOERR_SHORT_READ) {
        sqlite3_int64 size = 0;
        f->real->pMethods->xFileSize(f->real, &size);
        if (size <= start) {
            std::memset(plain, 0, k_page);
            return SQLITE_IOERR_SHORT_READ;
        }
    } else if (rc != SQLITE_OK) {
        return rc;
    }
    if (readable && open_page(f->key, f->kind, position_of(f->kind, start), disk.data(), plain)) {
        return SQLITE_OK;
    }
    // A frame of the -wal that does not open, read while SQLite rebuilds its index after a
    // crash, is a write the crash cut short: zeros fail its checksum, and the log ends there.
    if (recovering) {
        std::memset(plain, 0, k_page);
        return SQLITE_OK;
    }
    damage_found() = true;
    return SQLITE_IOERR_DATA;
}

int x_read(sqlite3_file* file, void* buffer, int amount, sqlite3_int64 offset) {
    SealedFile* f = sealed(file);
    auto* out = static_cast<unsigned char*>(buffer);
    if (f->kind == Kind::journal) {
        // A page image in the rollback journal is a page-sized write that no journal header
        // (sector-aligned) shares an offset with.
        const int rc = raw_read(f, out, amount, offset);
        if (rc != SQLITE_OK || amount != k_page || offset % k_page == 0) {
            return rc;
        }
        Page disk;
        std::memcpy(disk.data(), out, k_page);
        if (!open_page(f->key, f->kind, static_cast<std::uint64_t>(offset), disk.data(), out)) {
            std::memset(out, 0, k_page); // a torn record: its checksum ends the playback
        }
        return SQLITE_OK;
    }
    // SQLite rebuilds the -wal's index from whole frames, header and page together.
    const bool recovering = f->kind == Kind::wal && amount == k_frame;
    bool short_read = false;
    const sqlite3_int64 end = offset + amount;
    for (sqlite3_int64 pos = offset; pos < end;) {
        const Slot slot = slot_at(f->kind, pos);
        const sqlite3_int64 stop = std::min(end, slot.end);
        const int length = static_cast<int>(stop - pos);
        int rc = SQLITE_OK;
        if (!slot.page) {
            rc = raw_read(f, out + (pos - offset), length, pos);
        } else {
            Page plain;
            rc = read_page(f, slot.start, plain.data(), recovering);
            std::memcpy(out + (pos - offset), plain.data() + (pos - slot.start),
                        static_cast<std::size_t>(length));
        }
        if (rc == SQLITE_IOERR_SHORT_READ) {
            short_read = true;
        } else if (rc != SQLITE_OK) {
            return rc;
        }
        pos = stop;
    }
    return short_read ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int x_write(sqlite3_file* file, const void* buffer, int amount, sqlite3_int64 offset) {
    SealedFile* f = sealed(file);
    const auto* in = static_cast<const unsigned char*>(buffer);
    Page disk;
    if (f->kind == Kind::journal) {
        if (amount != k_page || offset % k_page == 0) {
            return raw_write(f, in, amount, offset);
        }
        if (!seal_page(f->key, f->kind, static_cast<std::uint64_t>(offset), in, disk.data(),
                       f->extra)) {
            return SQLITE_IOERR_WRITE;
        }
        return raw_write(f, disk.data(), k_page, offset);
    }
    const sqlite3_int64 end = offset + amount;
    for (sqlite3_int64 pos = offset; pos < end;) {
        const Slot slot = slot_at(f->kind, pos);
        const sqlite3_int64 stop = std::min(end, slot.end);
        int rc = SQLITE_OK;
        if (!slot.page) {
            rc = raw_write(f, in + (pos - offset), static_cast<int>(stop - pos), pos);
        } else {
            const unsigned char* plain = in + (pos - offset);
            Page merged;
            if (pos != slot.start || stop != slot.end) {
                // Part of a page: the rest comes from what is there.
                rc = read_page(f, slot.start, merged.data(), false);
                if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
                    return rc;
                }
                std::memcpy(merged.data() + (pos - slot.start), plain,
                            static_cast<std::size_t>(stop - pos));
                plain = merged.data();
            }
            if (!seal_page(f->key, f->kind, position_of(f->kind, slot.start), plain, disk.data(),
                           f->extra)) {
                return SQLITE_IOERR_WRITE;
            }
            rc = raw_write(f, disk.data(), k_page, slot.start);
        }
        if (rc != SQLITE_OK) {
            return rc;
        }
        pos = stop;
    }
    return SQLITE_OK;
}

int x_close(sqlite3_file* file) {
    const int rc = real(file)->pMethods->xClose(real(file));
    sodium_memzero(sealed(file)->key.data(), sealed(file)->key.size());
    return rc;
}
int x_truncate(sqlite3_file* file, sqlite3_int64 size) {
    return real(file)->pMethods->xTruncate(real(file), size);
}
int x_sync(sqlite3_file* file, int flags) {
    return real(file)->pMethods->xSync(real(file), flags);
}
int x_file_size(sqlite3_file* file, sqlite3_int64* size) {
    return real(file)->pMethods->xFileSize(real(file), size);
}
int x_lock(sqlite3_file* file, int level) {
    return real(file)->pMethods->xLock(real(file), level);
}
int x_unlock(sqlite3_file* file, int level) {
    return real(file)->pMethods->xUnlock(real(file), level);
}
int x_check_reserved_lock(sqlite3_file* file, int* out) {
    return real(file)->pMethods->xCheckReservedLock(real(file), out);
}
int x_file_control(sqlite3_file* file, int op, void* arg) {
    return real(file)->pMethods->xFileControl(real(file), op, arg);
}
int x_sector_size(sqlite3_file* file) {
    return real(file)->pMethods->xSectorSize(real(file));
}
int x_device_characteristics(sqlite3_file* file) {
    // Pages are sealed one at a time: no batch of writes is atomic as the disk's would be.
    return real(file)->pMethods->xDeviceCharacteristics(real(file)) &
           ~(SQLITE_IOCAP_BATCH_ATOMIC | SQLITE_IOCAP_ATOMIC);
}
int x_shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** out) {
    return real(file)->pMethods->xShmMap(real(file), region, size, extend, out);
}
int x_shm_lock(sqlite3_file* file, int offset, int n, int flags) {
    return real(file)->pMethods->xShmLock(real(file), offset, n, flags);
}
void x_shm_barrier(sqlite3_file* file) {
    real(file)->pMethods->xShmBarrier(real(file));
}
int x_shm_unmap(sqlite3_file* file, int delete_flag) {
    return real(file)->pMethods->xShmUnmap(real(file), delete_flag);
}

// Version 2: the -wal's shared index, but no memory-mapped reads (they would bypass the seal).
const sqlite3_io_methods k_methods = {2,
                                      x_close,
                                      x_read,
                                      x_write,
                                      x_truncate,
                                      x_sync,
                                      x_file_size,
                                      x_lock,
                                      x_unlock,
                                      x_check_reserved_lock,
                                      x_file_control,
                                      x_sector_size,
                                      x_device_characteristics,
                                      x_shm_map,
                                      x_shm_lock,
                                      x_shm_barrier,
                                      x_shm_unmap,
                                      nullptr,
                                      nullptr};

sqlite3_vfs* base_vfs(sqlite3_vfs* vfs) {
    return static_cast<sqlite3_vfs*>(vfs->pAppData);
}

int x_open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    SealedFile* f = sealed(file);
    f->base.pMethods = nullptr;
    f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + k_file_size);
    if (flags & SQLITE_OPEN_MAIN_DB) {
        f->kind = Kind::database;
    } else if (flags & SQLITE_OPEN_WAL) {
        f->kind = Kind::wal;
    } else if (flags & SQLITE_OPEN_MAIN_JOURNAL) {
        f->kind = Kind::journal;
    } else {
        return SQLITE_CANTOPEN; // temporary files stay in memory (temp_store = MEMORY)
    }
    if (!active().set) {
        return SQLITE_CANTOPEN;
    }
    sqlite3_vfs* base = base_vfs(vfs);
    const int rc = base->xOpen(base, name, f->real, flags, out_flags);
    if (rc != SQLITE_OK) {
        return rc;
    }
    f->base.pMethods = &k_methods;
    f->key = active().key;
    f->extra = active().extra;
    if (f->kind == Kind::database) {
        sqlite3_int64 size = 0;
        f->real->pMethods->xFileSize(f->real, &size);
        std::array<char, 16> magic{};
        if (size > 0 && (raw_read(f, magic.data(), 16, 0) != SQLITE_OK ||
                         std::string_view(magic.data(), 16) != k_magic ||
                         raw_read(f, f->extra.data(), k_extra, k_payload_end) != SQLITE_OK)) {
            x_close(file);
            f->base.pMethods = nullptr;
            return SQLITE_NOTADB;
        }
    }
    return SQLITE_OK;
}

int x_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    return base_vfs(vfs)->xDelete(base_vfs(vfs), name, sync_dir);
}
int x_access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
    return base_vfs(vfs)->xAccess(base_vfs(vfs), name, flags, out);
}
int x_full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
    return base_vfs(vfs)->xFullPathname(base_vfs(vfs), name, size, out);
}
void* x_dl_open(sqlite3_vfs* vfs, const char* name) {
    return base_vfs(vfs)->xDlOpen(base_vfs(vfs), name);
}
void x_dl_error(sqlite3_vfs* vfs, int size, char* out) {
    base_vfs(vfs)->xDlError(base_vfs(vfs), size, out);
}
void (*x_dl_sym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
    return base_vfs(vfs)->xDlSym(base_vfs(vfs), handle, symbol);
}
void x_dl_close(sqlite3_vfs* vfs, void* handle) {
    base_vfs(vfs)->xDlClose(base_vfs(vfs), handle);
}
int x_randomness(sqlite3_vfs* vfs, int size, char* out) {
    return base_vfs(vfs)->xRandomness(base_vfs(vfs), size, out);
}
int x_sleep(sqlite3_vfs* vfs, int microseconds) {
    return base_vfs(vfs)->xSleep(base_vfs(vfs), microseconds);
}
int x_current_time(sqlite3_vfs* vfs, double* out) {
    return base_vfs(vfs)->xCurrentTime(base_vfs(vfs), out);
}
int x_get_last_error(sqlite3_vfs* vfs, int size, char* out) {
    return base_vfs(vfs)->xGetLastError(base_vfs(vfs), size, out);
}
int x_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out) {
    return base_vfs(vfs)->xCurrentTimeInt64(base_vfs(vfs), out);
}

// ---- Keys -----------------------------------------------------------------------------------

struct Settings {
    const unsigned char* salt;
    std::uint32_t opslimit;
    std::uint32_t memlimit_kib;
    const unsigned char* check;
};

Settings settings_of(const Extra& extra) {
    return {extra.data(), read_u32(extra.data() + k_salt), read_u32(extra.data() + k_salt + 4),
            extra.data() + k_salt + 8};
}

std::array<unsigned char, k_check> key_check(const Key& key, const Extra& extra) {
    std::array<unsigned char, k_check> out{};
    crypto_generichash_state state;
    crypto_generichash_init(&state, key.data(), key.size(), out.size());
    constexpr std::string_view label = "smartgoals key check";
    crypto_generichash_update(&state, reinterpret_cast<const unsigned char*>(label.data()),
                              label.size());
    crypto_generichash_update(&state, extra.data(), k_salt + 8);
    crypto_generichash_final(&state, out.data(), out.size());
    return out;
}

Key derive(const std::string& passphrase, const Extra& extra) {
    const Settings s = settings_of(extra);
    Key key{};
    if (crypto_pwhash(key.data(), key.size(), passphrase.data(), passphrase.size(), s.salt,
                      s.opslimit, static_cast<std::size_t>(s.memlimit_kib) * 1024,
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw StorageError(fmt::format("there is not enough memory to derive the key ({} MiB are "
                                       "needed); nothing was changed",
                                       s.memlimit_kib / 1024));
    }
    return key;
}

[[noreturn]] void damaged(const fs::path& path, std::string_view why) {
    throw StorageError(
        fmt::format("the database is damaged ({}); {} was left untouched", why, path.string()));
}

// The first two pages of a sealed file, as they are on disk.
struct Head {
    Page first{};
    Page second{};
    bool has_second = false;
    Extra extra{};
};

Head read_head(const fs::path& path) {
    Head head;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        throw StorageError(
            fmt::format("cannot read the database {}: {}", path.string(), system_reason(errno)));
    }
    const ssize_t first = ::pread(fd, head.first.data(), k_page, 0);
    const ssize_t second = ::pread(fd, head.second.data(), k_page, k_page);
    ::close(fd);
    if (first != k_page) {
        damaged(path, "it ends inside its first page");
    }
    head.has_second = second == k_page;
    std::memcpy(head.extra.data(), head.first.data() + k_payload_end, k_extra);
    const Settings s = settings_of(head.extra);
    // Read before anything can vouch for them: bounded, so that a crafted file cannot make the
    // derivation take minutes or all the memory there is.
    if (s.opslimit < crypto_pwhash_OPSLIMIT_MIN || s.opslimit > 16 || s.memlimit_kib < 8 * 1024 ||
        s.memlimit_kib > 1024 * 1024) {
        damaged(path, "its key settings are not ones smartgoals writes");
    }
    return head;
}

enum class Verdict { opens, wrong_key, damaged };

// The key check alone says the key is right: page 1's settings never change once written,
// while its data may be in the middle of a checkpoint's write (pages read here hold no SQLite
// lock), and SQLite's own reads, under its locks, find a damaged page. When the check fails,
// a page that opens with the key says the check itself is damaged.
Verdict try_key(const Key& key, const Head& head) {
    const auto expected = key_check(key, head.extra);
    if (sodium_memcmp(expected.data(), settings_of(head.extra).check, k_check) == 0) {
        return Verdict::opens;
    }
    Page plain;
    if (open_page(key, Kind::database, 1, head.first.data(), plain.data()) ||
        (head.has_second && open_page(key, Kind::database, 2, head.second.data(), plain.data()))) {
        return Verdict::damaged;
    }
    return Verdict::wrong_key;
}

std::string keyring_name(const fs::path& path) {
    std::error_code ec;
    auto absolute = fs::weakly_canonical(path, ec);
    if (ec) {
        absolute = fs::absolute(path, ec).lexically_normal();
    }
    return "smartgoals:" + absolute.string();
}

std::optional<Key> keyring_read(const std::string& name) {
    const long id = ::keyctl_search(KEY_SPEC_SESSION_KEYRING, "user", name.c_str(), 0);
    if (id < 0) {
        return std::nullopt;
    }
    void* data = nullptr;
    const long size = ::keyctl_read_alloc(static_cast<key_serial_t>(id), &data);
    std::optional<Key> key;
    if (size == static_cast<long>(sizeof(Key))) {
        key.emplace();
        std::memcpy(key->data(), data, key->size());
    }
    if (size > 0) {
        sodium_memzero(data, static_cast<std::size_t>(size));
    }
    std::free(data);
    return key;
}

bool keyring_forget(const std::string& name) {
    const long id = ::keyctl_search(KEY_SPEC_SESSION_KEYRING, "user", name.c_str(), 0);
    if (id < 0) {
        return false;
    }
    ::keyctl_invalidate(static_cast<key_serial_t>(id));
    return true;
}

// The login session's keyring. A process started without one (by cron, say, or in a container)
// would get a new keyring of its own, gone when it ends; its login's processes share the user
// session keyring instead, which is where searching the session keyring looks then.
key_serial_t login_keyring() {
    const long session = ::keyctl_get_keyring_ID(KEY_SPEC_SESSION_KEYRING, 0);
    const long user_session = ::keyctl_get_keyring_ID(KEY_SPEC_USER_SESSION_KEYRING, 0);
    return session < 0 || session == user_session ? KEY_SPEC_USER_SESSION_KEYRING
                                                  : KEY_SPEC_SESSION_KEYRING;
}

void use(const Key& key, const Extra& extra, const std::string& name) {
    Active& a = active();
    a.key = key;
    a.extra = extra;
    a.path = name;
    a.set = true;
}

} // namespace

bool is_sealed_header(std::string_view first_bytes) {
    return first_bytes.starts_with(k_magic);
}

bool is_damaged_seal_header(std::string_view first_bytes) {
    if (first_bytes.size() < k_magic.size()) {
        return false;
    }
    int differ = 0;
    for (std::size_t i = 0; i < k_magic.size(); ++i) {
        differ += first_bytes[i] != k_magic[i];
    }
    return differ > 0 && differ <= 2;
}

void renew_kept_keys(bool renew) {
    renewing() = renew;
}

bool found_damage() {
    return damage_found();
}

bool is_sealed(const fs::path& path) {
    std::array<char, 16> magic{};
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        return false;
    }
    const ssize_t got = ::read(fd, magic.data(), magic.size());
    ::close(fd);
    return got == 16 && is_sealed_header(std::string_view(magic.data(), 16));
}

const char* vfs_name() {
    static std::once_flag once;
    static sqlite3_vfs vfs{};
    std::call_once(once, [] {
        init_sodium();
        sqlite3_vfs* base = sqlite3_vfs_find(nullptr);
        vfs.iVersion = 2;
        vfs.szOsFile = k_file_size + base->szOsFile;
        vfs.mxPathname = base->mxPathname;
        vfs.zName = "smartgoals-sealed";
        vfs.pAppData = base;
        vfs.xOpen = x_open;
        vfs.xDelete = x_delete;
        vfs.xAccess = x_access;
        vfs.xFullPathname = x_full_pathname;
        vfs.xDlOpen = x_dl_open;
        vfs.xDlError = x_dl_error;
        vfs.xDlSym = x_dl_sym;
        vfs.xDlClose = x_dl_close;
        vfs.xRandomness = x_randomness;
        vfs.xSleep = x_sleep;
        vfs.xCurrentTime = x_current_time;
        vfs.xGetLastError = x_get_last_error;
        vfs.xCurrentTimeInt64 = x_current_time_int64;
        sqlite3_vfs_register(&vfs, 0);
    });
    return vfs.zName;
}

void set_passphrase_source(PassphraseSource source) {
    passphrase_source() = std::move(source);
}

std::string ask_passphrase(const PassphraseRequest& request) {
    if (!passphrase_source()) {
        throw UsageError(fmt::format("{} is encrypted; give its passphrase with --passphrase-fd N",
                                     request.database.string()));
    }
    return passphrase_source()(request);
}

void unlock(const fs::path& path, bool ask) {
    init_sodium();
    const Head head = read_head(path);
    const std::string name = keyring_name(path);
    Active& a = active();
    if (!ask && a.set && a.path == name && try_key(a.key, head) == Verdict::opens) {
        return;
    }
    if (!ask) {
        if (auto kept = keyring_read(name)) {
            switch (try_key(*kept, head)) {
            case Verdict::opens:
                use(*kept, head.extra, name);
                sodium_memzero(kept->data(), kept->size());
                return;
            case Verdict::damaged:
                damaged(path, k_damage_reason);
            case Verdict::wrong_key:
                keyring_forget(name); // kept for a file that is no longer there
                break;
            }
        }
    }
    std::string passphrase = ask_passphrase({path, ask ? Purpose::turn_off : Purpose::open});
    Key key = derive(passphrase, head.extra);
    sodium_memzero(passphrase.data(), passphrase.size());
    const Verdict verdict = try_key(key, head);
    if (verdict == Verdict::opens) {
        use(key, head.extra, name);
    }
    sodium_memzero(key.data(), key.size());
    if (verdict == Verdict::opens) {
        return;
    }
    if (verdict == Verdict::damaged) {
        damaged(path, k_damage_reason);
    }
    throw StorageError(
        fmt::format("that passphrase does not open {}; nothing was changed", path.string()));
}

std::optional<int> parse_unlock_minutes(std::string_view text) {
    int minutes = -1;
    const auto* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, minutes);
    if (text.empty() || ec != std::errc{} || ptr != end || (text.size() > 1 && text[0] == '0') ||
        minutes < 0 || minutes > k_max_unlock_minutes) {
        return std::nullopt;
    }
    return minutes;
}

void remember(const fs::path& path, int minutes) {
    const std::string name = keyring_name(path);
    Active& a = active();
    if (!a.set || a.path != name || !renewing()) {
        return;
    }
    if (minutes <= 0) {
        keyring_forget(name);
        return;
    }
    const key_serial_t id =
        ::add_key("user", name.c_str(), a.key.data(), a.key.size(), login_keyring());
    if (id < 0) {
        return; // no keyring here (a container may refuse it): the passphrase is asked each time
    }
    // Only this session may read it; the kernel forgets it after `minutes` without use.
    ::keyctl_setperm(id, KEY_POS_VIEW | KEY_POS_READ | KEY_POS_WRITE | KEY_POS_SEARCH |
                             KEY_POS_LINK | KEY_POS_SETATTR | KEY_USR_VIEW);
    ::keyctl_set_timeout(id, static_cast<unsigned>(minutes) * 60U);
}

bool forget(const fs::path& path) {
    const std::string name = keyring_name(path);
    Active& a = active();
    if (a.path == name) {
        sodium_memzero(a.key.data(), a.key.size());
        a.set = false;
    }
    return keyring_forget(name);
}

void begin_new_key(const fs::path& path, const std::string& passphrase) {
    init_sodium();
    Extra extra{};
    randombytes_buf(extra.data(), k_salt);
    write_u32(extra.data() + k_salt, crypto_pwhash_OPSLIMIT_INTERACTIVE);
    write_u32(extra.data() + k_salt + 4,
              static_cast<std::uint32_t>(crypto_pwhash_MEMLIMIT_INTERACTIVE / 1024));
    Key key = derive(passphrase, extra);
    const auto check = key_check(key, extra);
    std::memcpy(extra.data() + k_salt + 8, check.data(), check.size());
    use(key, extra, keyring_name(path));
    sodium_memzero(key.data(), key.size());
}

} // namespace smartgoals::seal
