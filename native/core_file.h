/* Internal: the mapped core and the bounds checks every access goes through. */
#ifndef MAZE_CORE_FILE_H
#define MAZE_CORE_FILE_H

#include <stdint.h>
#include "mazescan.h"

struct maze_core {
    int fd;
    const uint8_t *map;   /* the byte at file offset origin; NULL when nothing is mapped */
    uint64_t origin;      /* the first file offset mapped (page aligned) */
    uint64_t size;        /* the end of the mapping: min(real size at open time, to) */
};

/* The mapped byte at file offset; the caller has checked the offset (maze_check_span). */
static inline const uint8_t *maze_at(const maze_core *core, uint64_t offset)
{
    return core->map + (offset - core->origin);
}

/* MAZE_OK when [offset, offset + len) lies inside the mapping and the file still holds it now. */
int maze_check_span(const maze_core *core, uint64_t offset, uint64_t len);

/* The file's size right now (fstat), or UINT64_MAX when fstat fails. */
uint64_t maze_current_size(const maze_core *core);

#endif
