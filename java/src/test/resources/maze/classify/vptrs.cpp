// Prints the first word of objects of classes whose vtables have different shapes, so the
// vtable index is checked against what a real compiler lays out: "<expected class> 0x<word>".
#include <cstdio>

struct A { virtual ~A() {} long a = 1; };
struct X { virtual void x() {} long b = 2; };
struct B : virtual A { long c = 3; };                  // vtable prefix: vbase offset first
struct C : A, X { long d = 4; };                       // secondary vptr for X inside C's vtable
struct D : virtual B, virtual X { long e = 5; };       // virtual bases in a diamond
namespace ns { template <class T> struct Box : A { T t{}; }; }

static void show(const char *name, const void *object) {
    std::printf("%s %p\n", name, *(void *const *) object);
}

int main() {
    A *a = new A; B *b = new B; C *c = new C; D *d = new D; ns::Box<int> *box = new ns::Box<int>;
    show("A", a);
    show("B", b);
    show("C", c);
    show("C", static_cast<X *>(c));
    show("D", d);
    show("D", static_cast<X *>(d));
    show("ns::Box<int>", box);
    return 0;
}
