/*
 * maze_probe: asks one library its allocator version by loading it and calling an exported
 * `int FUNCTION(void)` (mimalloc's mi_version). maze runs this only behind `maze info
 * --dlopen-probe`, in a child process with an empty environment and a time limit, so that the
 * library's constructor runs here and never inside the JVM.
 *
 * Usage: maze_probe PATH [FUNCTION] (default mi_version). Prints "FUNCTION N" on stdout and exits
 * with one of the codes below; the loader's message goes to stderr when dlopen fails (an
 * executable, a missing dependency).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Mirrored by maze.app.ProbeChild; 1 is left out because a crash report or a shell may use it. */
enum { PROBE_OK = 0, PROBE_USAGE = 2, PROBE_DLOPEN_FAILED = 3, PROBE_NO_FUNCTION = 4 };

/* Own time limit, in case the parent died and nobody will kill a constructor that hangs. */
enum { PROBE_SECONDS = 20 };

extern char **environ;

/*
 * The parent already passes an empty environment; this also covers a hand-run probe. mimalloc's
 * constructor reads MIMALLOC_* (MIMALLOC_RESERVE_OS_MEMORY=4GiB reserves 4 GiB), so none may reach it.
 */
static void drop_mimalloc_options(void) {
    if (environ == NULL) {
        return;
    }
    size_t kept = 0;
    for (char **e = environ; *e != NULL; e++) {
        if (strncmp(*e, "MIMALLOC_", 9) != 0) {
            environ[kept++] = *e; /* compacted in place: getenv reads this very array */
        }
    }
    environ[kept] = NULL;
}

int main(int argc, char **argv) {
    if (argc != 2 && argc != 3) {
        fprintf(stderr, "usage: maze_probe LIBRARY [FUNCTION]\n");
        return PROBE_USAGE;
    }
    const char *function = argc == 3 ? argv[2] : "mi_version";
    alarm(PROBE_SECONDS);
    drop_mimalloc_options();
    void *lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        const char *why = dlerror();
        fprintf(stderr, "%s\n", why == NULL ? "dlopen failed" : why);
        return PROBE_DLOPEN_FAILED;
    }
    void *sym = dlsym(lib, function);
    if (sym == NULL) {
        return PROBE_NO_FUNCTION;
    }
    int (*version)(void);
    *(void **)&version = sym; /* ISO C has no object-to-function cast; this is POSIX's way */
    printf("%s %d\n", function, version());
    fflush(stdout);
    /* _exit skips the library's atexit handlers and destructors: no more of its code than needed runs */
    _exit(PROBE_OK);
}
