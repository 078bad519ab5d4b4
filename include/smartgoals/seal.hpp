// SPDX-License-Identifier: MIT
#pragma once
// Encryption at rest (SPEC §3.1): a sealed database is an SQLite file whose every page is
// encrypted and authenticated on its way to the disk and checked on its way back, by an SQLite
// VFS beneath the pager. Its -wal and rollback journal are sealed the same way; temporary files
// are kept in memory. The key comes from a passphrase through Argon2id, and may be kept for a
// while in the kernel's session keyring.
//
// The file is SQLite's own layout with 80 bytes reserved at the end of each 4096-byte page:
//   page 1, bytes 0..15   "smartgoals:seal1" (in place of SQLite's magic, which is implied)
//   bytes 4016..4055      page 1: the Argon2id salt and limits and a key check; else zero
//   bytes 4056..4079      the nonce, new at every write
//   bytes 4080..4095      the Poly1305 tag over the page, its number and the bytes above
// Everything else is XChaCha20 ciphertext.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace smartgoals::seal {

// Whether these first bytes of a file (at least 16) are a sealed database's.
bool is_sealed_header(std::string_view first_bytes);
// Whether they are a sealed database's but for a byte or two: damage, not another program's.
bool is_damaged_seal_header(std::string_view first_bytes);
// Whether the file at `path` is a sealed database (false when it cannot be read).
bool is_sealed(const std::filesystem::path& path);

// Whether a sealed page read in this process did not match its tag: the error SQLite then
// reports (SQLITE_IOERR_DATA, which it may pass on as a plain I/O error) is damage.
bool found_damage();
// What damage to a sealed page is called in an error.
constexpr const char* k_damage_reason = "a page does not match its seal";

// The name of the SQLite VFS that reads and writes sealed files, registered on first use.
const char* vfs_name();

// Where a passphrase comes from when no key is kept: a terminal, or --passphrase-fd. A new
// passphrase is asked twice. Throws UsageError when there is no way to ask.
enum class Purpose {
    open,     // a command needs the key, and none is kept
    new_key,  // encrypt
    turn_off, // decrypt, which asks even while the key is kept
};
struct PassphraseRequest {
    std::filesystem::path database;
    Purpose purpose = Purpose::open;
};
using PassphraseSource = std::function<std::string(const PassphraseRequest&)>;
void set_passphrase_source(PassphraseSource source);
// The passphrase from the source set; UsageError naming --passphrase-fd when none is.
std::string ask_passphrase(const PassphraseRequest& request);

// Makes the key of the sealed database at `path` the one its connections use: the key this
// process already holds, else the one kept in the session keyring, else one derived from the
// passphrase (`ask` forces the passphrase). Throws StorageError for a passphrase that does not
// open it (exit 1) or a damaged file.
void unlock(const std::filesystem::path& path, bool ask = false);
// Keeps the key in use for `path` in the session keyring for `minutes` (0: not kept at all).
void remember(const std::filesystem::path& path, int minutes);
// Whether remember() counts the time again: not for what runs unasked (a shell's start-up, a
// completion), which would otherwise keep a key for ever.
void renew_kept_keys(bool renew);
// Forgets the key of `path`, here and in the keyring; whether the keyring held one.
bool forget(const std::filesystem::path& path);

// Derives a new key for the database at `path` from `passphrase`, with a new salt: the sealed
// file the VFS creates next is written with it, and it opens that file once it is at `path`.
void begin_new_key(const std::filesystem::path& path, const std::string& passphrase);

// A sealed file's pages, and the bytes at the end of each that SQLite leaves to the seal.
constexpr int k_page_size = 4096;
constexpr int k_reserved_bytes = 80;

// Minutes a key is kept when the setting unlock-minutes is not set.
constexpr int k_default_unlock_minutes = 15;
constexpr int k_max_unlock_minutes = 1440;
// The setting's value as a member writes it: a plain whole number, 0 to 1440.
std::optional<int> parse_unlock_minutes(std::string_view text);

} // namespace smartgoals::seal
