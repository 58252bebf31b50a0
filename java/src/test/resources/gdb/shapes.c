#include <pthread.h>
#include <stdio.h>
#include <unistd.h>
typedef struct point { int x, y; } point_t;
struct shapes {
    char tag;
    unsigned flag_a : 1;
    unsigned wide : 12;
    long count;
    point_t origin;
    struct point corners[4];
    union { long as_long; double as_double; };
    struct { short lo, hi; } range;
    void (*callback)(int, char **);
    int (*matrix)[3];
    char name[2][5];
    struct shapes *next;
};
typedef struct shapes shapes_t;
struct shapes global_shapes;
static int hidden_counter = 7;
__thread long per_thread = 42;
__thread struct shapes *per_thread_ptr;
int touch(void) { return hidden_counter + (int)per_thread + global_shapes.tag; }
