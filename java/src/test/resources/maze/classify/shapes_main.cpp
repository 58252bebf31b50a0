// Makes squares in libshapes.so, says how many, and waits to be dumped.
#include <cstdio>
#include <unistd.h>

extern "C" int make_squares(int n);
extern "C" long count_sides();

int main() {
    int made = make_squares(300);
    std::printf("SQUARES %d (%ld sides)\n", made, count_sides());
    std::printf(">>> READY FOR GCORE <<<\n");
    std::fflush(stdout);
    for (;;) {
        pause();
    }
}
