// C++ names for the demangler: namespaces, templates, operators, lambdas,
// constructors, a std:: container.
#include <cstdlib>
#include <functional>
#include <vector>

namespace outer {
namespace inner {
template <typename T, int N> struct Box {
	T v[N];
	__attribute__((noinline)) Box() { for (int i = 0; i < N; i++) v[i] = T(i); }
	__attribute__((noinline)) T operator()(T x) const
	{
		for (int i = 0; i < N; i++)
			x = x * T(3) + v[i];
		return x;
	}
	__attribute__((noinline)) Box &operator+=(const Box &o)
	{
		for (int i = 0; i < N; i++)
			v[i] += o.v[i];
		return *this;
	}
};
} // namespace inner

template <typename F> __attribute__((noinline)) long apply(F f, long n)
{
	long s = 0;
	for (long i = 0; i < n; i++)
		s += f(i);
	return s;
}
} // namespace outer

volatile long sink;

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 300;
	outer::inner::Box<long, 64> b;
	outer::inner::Box<double, 32> d;
	std::vector<long> vec(1000, 1);
	std::function<long(long)> fn = [&](long x) {
		long s = x;
		for (long v : vec)
			s = s * 5 + v;
		return s;
	};

	for (long i = 0; i < n; i++) {
		sink += outer::apply([&](long x) { return b(x); }, 200);
		sink += (long)d((double)i);
		sink += outer::apply(fn, 20);
		b += b;
	}
	return 0;
}
