#include "FileCache.h"

#include <QFile>
#include <QStringList>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace FileCache {

bool evictStore(const QString& path, QString* error) {
    for (const QString& file : QStringList{path, path + u"-wal"_s, path + u"-shm"_s}) {
        if (!QFile::exists(file))
            continue;
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY);
        if (fd < 0) {
            *error = u"cannot open %1"_s.arg(file);
            return false;
        }
        // Dirty pages are not dropped: write them back first.
        const bool ok = ::fdatasync(fd) == 0 && ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED) == 0;
        ::close(fd);
        if (!ok) {
            *error = u"cannot evict %1 from the page cache"_s.arg(file);
            return false;
        }
    }
    return true;
}

double residentShare(const QString& path) {
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY);
    if (fd < 0)
        return -1;
    struct stat info {};
    if (::fstat(fd, &info) != 0 || info.st_size == 0) {
        ::close(fd);
        return -1;
    }
    const size_t size = size_t(info.st_size);
    void* map = ::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED)
        return -1;
    const long pageSize = ::sysconf(_SC_PAGESIZE);
    std::vector<unsigned char> pages((size + size_t(pageSize) - 1) / size_t(pageSize));
    double share = -1;
    if (::mincore(map, size, pages.data()) == 0) {
        size_t resident = 0;
        for (const unsigned char page : pages)
            resident += page & 1;
        share = double(resident) / double(pages.size());
    }
    ::munmap(map, size);
    return share;
}

} // namespace FileCache
