// SPDX-License-Identifier: GPL-2.0
/*
 * Unwinding test program in C++, built with -O2 -fomit-frame-pointer:
 * namespaced methods, a template, a lambda called through std::function,
 * std::sort with a comparator, and the shared library calling back.
 * Runs for the seconds given as the first argument (default 1).
 */
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <functional>
#include <vector>

#include "uwlib.h"

namespace uwt {

static volatile unsigned long sink;

template <typename T>
__attribute__((noinline)) T churn(T x, int rounds)
{
	for (int i = 0; i < rounds; i++)
		x = (x << 5) ^ (x >> 2) ^ static_cast<T>(i);
	__asm__ volatile("" ::: "memory");
	return x;
}

class Worker {
public:
	explicit Worker(unsigned long seed) : seed_(seed), data_(4096) {}

	__attribute__((noinline)) unsigned long step(const std::function<unsigned long(unsigned long)> &fn)
	{
		unsigned long r = fn(seed_);
		__asm__ volatile("" ::: "memory");
		return r;
	}

	__attribute__((noinline)) void sort_some()
	{
		for (size_t i = 0; i < data_.size(); i++)
			data_[i] = churn<unsigned long>(seed_ + i, 8);
		std::sort(data_.begin(), data_.end(), [](unsigned long a, unsigned long b) {
			return churn<unsigned long>(a, 4) < churn<unsigned long>(b, 4);
		});
		__asm__ volatile("" ::: "memory");
	}

	unsigned long seed_;
	std::vector<unsigned long> data_;
};

extern "C" unsigned long uwcxx_cb(unsigned long x);

} // namespace uwt

extern "C" __attribute__((noinline)) unsigned long uwt::uwcxx_cb(unsigned long x)
{
	unsigned long r = uwt::churn<unsigned long>(x, 20000);
	__asm__ volatile("" ::: "memory");
	return r;
}

int main(int argc, char **argv)
{
	double seconds = argc > 1 ? std::atof(argv[1]) : 1.0;
	auto t0 = std::chrono::steady_clock::now();
	uwt::Worker w(7);

	do {
		w.seed_ = w.step([](unsigned long s) { return uwlib_work(s, uwt::uwcxx_cb); });
		w.sort_some();
		uwt::sink = w.seed_;
	} while (std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < seconds);
	return 0;
}
