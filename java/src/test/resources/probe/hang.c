/* A library whose constructor never returns: the probe's time limit must end the child. */
#include <unistd.h>

__attribute__((constructor)) static void never_return(void) {
    for (;;) {
        pause();
    }
}
