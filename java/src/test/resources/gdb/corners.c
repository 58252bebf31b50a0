/* Layout corners the two routes to gdb (maze.py, ptype /o) must read alike. */
typedef int counter_t;
typedef struct { int a; } anon_t;
typedef union { unsigned char all; struct { unsigned char lo : 4, hi : 4; } nib; } flags_t;
struct corners {
    unsigned first : 3;
    unsigned : 5;
    unsigned after : 4;
    union { unsigned in_union : 3; int whole; } u;
    anon_t typedefd;
    flags_t flags;
    const struct { char c; long l; } konst;
    struct { struct { int deep; } inner; } outer[2];
    struct { int hidden; } *anon_ptr;
    char flex[];
};
union bare { int i; struct { short lo, hi; } parts; };
enum colour { RED, GREEN };
struct corners a_corners_variable;
union bare a_bare;
anon_t an_anon;
counter_t a_counter;
flags_t some_flags;
enum colour a_colour;
__thread int per_thread_counter;
int use(void) { return a_corners_variable.first + per_thread_counter; }
