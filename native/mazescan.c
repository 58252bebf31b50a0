/* Opening, closing and plain bounds-checked reads of a core. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core_file.h"

int maze_abi_version(void) { return MAZE_ABI_VERSION; }

static maze_core *fail_open(int32_t status[2], int code, int err, int fd)
{
    if (fd >= 0)
        close(fd);
    status[0] = code;
    status[1] = err;
    return NULL;
}

maze_core *maze_open(const char *path, uint64_t from, uint64_t to, int32_t status[2])
{
    if (path == NULL || status == NULL)
        return status ? fail_open(status, MAZE_ERR_ARGUMENT, EINVAL, -1) : NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return fail_open(status, MAZE_ERR_OPEN, errno, -1);
    struct stat st;
    if (fstat(fd, &st) != 0)
        return fail_open(status, MAZE_ERR_OPEN, errno, fd);
    maze_core *core = calloc(1, sizeof *core);
    if (core == NULL)
        return fail_open(status, MAZE_ERR_RESOURCES, ENOMEM, fd);
    core->fd = fd;
    core->size = (uint64_t)st.st_size < to ? (uint64_t)st.st_size : to;
    uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
    core->origin = from - from % page;
    if (core->origin > core->size)
        core->origin = core->size;
    if (core->size > core->origin) {
        /* mmap refuses a zero length; an empty range simply has nothing to read */
        void *m = mmap(NULL, core->size - core->origin, PROT_READ, MAP_SHARED, fd, (off_t)core->origin);
        if (m == MAP_FAILED) {
            int err = errno;
            free(core);
            return fail_open(status, MAZE_ERR_OPEN, err, fd);
        }
        core->map = m;
    }
    status[0] = MAZE_OK;
    status[1] = 0;
    return core;
}

void maze_close(maze_core *core)
{
    if (core == NULL)
        return;
    if (core->map != NULL)
        munmap((void *)core->map, core->size - core->origin);
    close(core->fd);
    free(core);
}

uint64_t maze_file_size(const maze_core *core) { return core ? core->size : 0; }

uint64_t maze_map_origin(const maze_core *core) { return core ? core->origin : 0; }

const void *maze_map_base(const maze_core *core) { return core ? core->map : NULL; }

uint64_t maze_current_size(const maze_core *core)
{
    struct stat st;
    return fstat(core->fd, &st) == 0 ? (uint64_t)st.st_size : UINT64_MAX;
}

int maze_check_span(const maze_core *core, uint64_t offset, uint64_t len)
{
    if (offset < core->origin || offset > core->size || len > core->size - offset)
        return MAZE_ERR_RANGE;
    /* a file that shrank since we mapped it would SIGBUS on the lost pages: ask again */
    uint64_t now = maze_current_size(core);
    if (offset > now || len > now - offset)
        return MAZE_ERR_TRUNCATED;
    return MAZE_OK;
}

int maze_read(maze_core *core, uint64_t offset, void *buf, uint64_t len)
{
    if (core == NULL || (buf == NULL && len > 0))
        return MAZE_ERR_ARGUMENT;
    int rc = maze_check_span(core, offset, len);
    if (rc != MAZE_OK)
        return rc;
    if (len > 0)
        memcpy(buf, maze_at(core, offset), len);
    return MAZE_OK;
}
