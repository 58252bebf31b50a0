/*
 * A library with no mi_version whose constructor writes the environment it sees to ENV_OUT (a path
 * fixed at compile time: the environment cannot carry it, since the probe scrubs it). It stands in
 * for mimalloc's constructor, which reads MIMALLOC_* at load time.
 */
#include <stdio.h>

extern char **environ;

__attribute__((constructor)) static void record_environment(void) {
    FILE *f = fopen(ENV_OUT, "w");
    if (f == NULL) {
        return;
    }
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        fprintf(f, "%s\n", *e);
    }
    fclose(f);
}

int envdump_loaded(void) {
    return 1;
}
