// A library built with -fvisibility=hidden: its vtables are in .symtab only, never in .dynsym, so
// once stripped only its separate debug file can name its objects.
#include <cstddef>

namespace shapes {
class Shape {
public:
    virtual ~Shape() {}
    virtual int sides() const = 0;
    long id = 0;
};

class Square : public Shape {
public:
    int sides() const override { return 4; }
};
} // namespace shapes

static shapes::Shape *kept[10000];

// Makes n squares (kept alive) and returns how many it made.
extern "C" __attribute__((visibility("default"))) int make_squares(int n) {
    int made = 0;
    for (; made < n && made < 10000; made++) {
        kept[made] = new shapes::Square();
        kept[made]->id = made;
    }
    return made;
}

// Reads every square back, so the compiler keeps them.
extern "C" __attribute__((visibility("default"))) long count_sides() {
    long sides = 0;
    for (shapes::Shape *s : kept) {
        sides += s == nullptr ? 0 : s->sides();
    }
    return sides;
}
