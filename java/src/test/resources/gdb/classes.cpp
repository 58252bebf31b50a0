// C++ corners the two routes to gdb must read alike: base classes (ptype /o lists none of their
// members), static members, methods, access labels, a template member, an anonymous union.
struct Base { long id; virtual ~Base() {} };
struct Mixin { int m; };
namespace ns {
template <typename T> struct Box { T value; static int count; };
template <typename T> int Box<T>::count = 0;
class Span : public Base, public Mixin {
public:
    Span *next;
    unsigned long pages : 40;
    unsigned long sizeclass : 8;
    Box<short> box;
    union { void *objects; long freelist; };
    static const int kMax = 8;
    int size() const { return m; }
private:
    char priv[3];
};
}
ns::Span a_span;
ns::Box<int> a_box;
namespace ns { Span *head; struct Holder { static long total; }; long Holder::total = 3; }
