/*
 * The plain C baseline of the scan benchmark: mmap a core, and count the words equal to a value
 * in every readable PT_LOAD segment (the same bytes maze scans), with one simple loop.
 * Usage: scan_loop CORE VALUE_HEX REPS. Prints one RESULT line per repetition.
 */
#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Counts value in the readable segments' file bytes; adds the bytes scanned to *bytes. */
static uint64_t scan(const uint8_t *map, uint64_t size, uint64_t value, uint64_t *bytes)
{
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)map;
    uint64_t hits = 0;
    for (int i = 0; i < eh->e_phnum; i++) {
        const Elf64_Phdr *ph = (const Elf64_Phdr *)(map + eh->e_phoff + (uint64_t)i * eh->e_phentsize);
        if (ph->p_type != PT_LOAD || !(ph->p_flags & PF_R) || ph->p_offset + ph->p_filesz > size)
            continue;
        const uint8_t *p = map + ph->p_offset;
        uint64_t n = ph->p_filesz / 8;
        for (uint64_t k = 0; k < n; k++) {
            uint64_t w;
            memcpy(&w, p + 8 * k, 8);
            hits += w == value;
        }
        *bytes += n * 8;
    }
    return hits;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s CORE VALUE_HEX REPS\n", argv[0]);
        return 2;
    }
    int fd = open(argv[1], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        perror(argv[1]);
        return 1;
    }
    const uint8_t *map = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED) {
        perror("mmap");
        return 1;
    }
    uint64_t value = strtoull(argv[2], NULL, 16);
    for (int r = 0; r < atoi(argv[3]); r++) {
        uint64_t bytes = 0;
        double t0 = now();
        uint64_t hits = scan(map, st.st_size, value, &bytes);
        double dt = now() - t0;
        printf("RESULT c-loop rep=%d hits=%llu bytes=%llu seconds=%.4f GB/s=%.2f\n", r,
               (unsigned long long)hits, (unsigned long long)bytes, dt, bytes / dt / 1e9);
    }
    return 0;
}
