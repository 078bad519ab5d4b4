// SPDX-License-Identifier: MIT
#include "cli/output.hpp"

#include <smartgoals/errors.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace smartgoals::cli {

namespace fs = std::filesystem;

bool FdOutput::write_all(const char* data, std::size_t size) {
    while (size > 0 && m_error == 0) {
        const ssize_t n = ::write(m_fd, data, size);
        if (n < 0) {
            if (errno != EINTR) {
                m_error = errno;
            }
            continue;
        }
        data += n;
        size -= static_cast<std::size_t>(n);
    }
    return m_error == 0;
}

bool FdOutput::flush() {
    const auto pending = static_cast<std::size_t>(pptr() - pbase());
    const bool written = write_all(pbase(), pending);
    setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    return written;
}

FdOutput::int_type FdOutput::overflow(int_type ch) {
    if (!flush()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
    }
    return traits_type::not_eof(ch);
}

std::streamsize FdOutput::xsputn(const char* data, std::streamsize size) {
    const auto room = epptr() - pptr();
    if (size <= room) {
        traits_type::copy(pptr(), data, static_cast<std::size_t>(size));
        pbump(static_cast<int>(size));
        return size;
    }
    if (!flush() || !write_all(data, static_cast<std::size_t>(size))) {
        return 0;
    }
    return size;
}

namespace {

[[noreturn]] void cannot_write(const fs::path& path, int error, bool kept) {
    throw StorageError(
        fmt::format("-o: cannot write {}: {}{}", path.string(), system_reason(error),
                    kept ? fmt::format("; {} was left as it was", path.string()) : std::string()));
}

int fsync_directory(const fs::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        return errno;
    }
    const int error = ::fsync(fd) == 0 ? 0 : errno;
    ::close(fd);
    return error;
}

// Writes into an open descriptor and closes it; the errno of the first failure, or 0.
int write_into(int fd, bool sync, const std::function<void(std::ostream&)>& write) {
    int error = 0;
    {
        FdOutput buffer(fd);
        std::ostream out(&buffer);
        try {
            write(out);
        } catch (...) {
            ::close(fd);
            throw;
        }
        buffer.flush();
        error = buffer.error();
    }
    if (error == 0 && sync && ::fsync(fd) != 0) {
        error = errno;
    }
    if (::close(fd) != 0 && error == 0 && errno != EINTR) {
        error = errno;
    }
    return error;
}

// The descriptor a name such as /dev/stdout stands for, or -1: written through as it is, at
// its own offset, so that `>> log` appends and nothing is reopened at its start.
int descriptor_named(const std::string& path) {
    if (path == "/dev/stdout") {
        return STDOUT_FILENO;
    }
    if (path == "/dev/stderr") {
        return STDERR_FILENO;
    }
    for (const std::string_view prefix : {"/dev/fd/", "/proc/self/fd/"}) {
        if (path.starts_with(prefix)) {
            const auto digits = std::string_view(path).substr(prefix.size());
            if (!digits.empty() && digits.size() < 6 &&
                digits.find_first_not_of("0123456789") == std::string_view::npos) {
                return std::stoi(std::string(digits));
            }
        }
    }
    return -1;
}

} // namespace

void write_output_file(const fs::path& asked, const std::function<void(std::ostream&)>& write,
                       const fs::path& database) {
    fs::path path = asked;
    if (path.empty()) {
        throw UsageError("-o: the file name is empty; name a file, or leave -o out for stdout");
    }
    if (const int named = descriptor_named(path.string()); named >= 0) {
        const int fd = ::fcntl(named, F_DUPFD_CLOEXEC, 3);
        if (fd < 0) {
            cannot_write(path, errno, false);
        }
        if (const int error = write_into(fd, false, write)) {
            cannot_write(path, error, false);
        }
        return;
    }
    struct stat st {};
    std::error_code ec;
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (!exists && errno == ELOOP) {
        throw UsageError(fmt::format("-o: {} is a loop of symbolic links", path.string()));
    }
    if (exists && S_ISDIR(st.st_mode)) {
        throw UsageError(fmt::format("-o: {} is a directory; name a file", path.string()));
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        struct stat db {};
        if (exists && ::stat((database.string() + suffix).c_str(), &db) == 0 &&
            db.st_dev == st.st_dev && db.st_ino == st.st_ino) {
            throw UsageError(
                fmt::format("-o: {} is the database itself; name another file", path.string()));
        }
    }
    if (exists && !S_ISREG(st.st_mode)) {
        // A device or a FIFO: written as it is, never replaced.
        const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (fd < 0) {
            cannot_write(path, errno, false);
        }
        if (const int error = write_into(fd, false, write)) {
            cannot_write(path, error, false);
        }
        return;
    }
    if (fs::is_symlink(path, ec)) {
        path = fs::weakly_canonical(path); // the file the link names is replaced, the link kept
    }
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    // mkostemp opens exclusively with a name no one can guess, never through a link.
    std::string temp = (dir / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0) {
        cannot_write(path, errno, exists);
    }
    try {
        if (const int error = write_into(fd, true, write)) {
            cannot_write(path, error, exists);
        }
        if (std::rename(temp.c_str(), path.c_str()) != 0) {
            cannot_write(path, errno, exists);
        }
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    if (const int error = fsync_directory(dir)) {
        cannot_write(path, error, false);
    }
}

} // namespace smartgoals::cli
