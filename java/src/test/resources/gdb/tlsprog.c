#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
__thread long slot = 1;
static void *run(void *arg) { slot = (long)arg; for (;;) pause(); return 0; }
int main(void) {
    pthread_t t[2];
    for (long i = 0; i < 2; i++) pthread_create(&t[i], 0, run, (void *)(i + 100));
    free(malloc(100));
    sleep(1);
    printf(">>> READY FOR GCORE <<<\n"); fflush(stdout);
    for (;;) pause();
}
