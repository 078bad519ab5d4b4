// SPDX-License-Identifier: MIT
#pragma once
// Output to a file descriptor that remembers why a write failed (SPEC §8): a full disk is
// "the disk is full", never a silent exit 0.

#include <array>
#include <filesystem>
#include <functional>
#include <ostream>
#include <streambuf>

namespace smartgoals::cli {

class FdOutput : public std::streambuf {
public:
    explicit FdOutput(int fd) : m_fd(fd) {
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    }
    FdOutput(const FdOutput&) = delete;
    FdOutput& operator=(const FdOutput&) = delete;
    ~FdOutput() override { flush(); }

    // Writes out what is buffered; false (and error() set) when the system refused.
    bool flush();
    // The errno of the first failed write, 0 while every write has succeeded.
    int error() const { return m_error; }

protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override { return flush() ? 0 : -1; }

private:
    bool write_all(const char* data, std::size_t size);

    int m_fd;
    int m_error = 0;
    // Left uninitialised: zeroing 64 KiB would touch 16 pages that a short output never uses.
    std::array<char, 1 << 16> m_buffer;
};

// Writes `-o FILE` (SPEC §8): a regular file through a temporary file made exclusively beside
// it, fsynced, renamed into place and the directory fsynced; anything else (a device, a FIFO,
// /dev/stdout) is written directly, never replaced; the database itself is refused. Throws
// StorageError naming the reason.
void write_output_file(const std::filesystem::path& path,
                       const std::function<void(std::ostream&)>& write,
                       const std::filesystem::path& database);

} // namespace smartgoals::cli
