/* SPDX-License-Identifier: GPL-2.0 */
/* The shared library of the unwinding test programs. */
#ifndef UWLIB_H
#define UWLIB_H

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned long (*uwlib_cb)(unsigned long);

/* Mixes @n for a while, then calls @cb with the result. */
unsigned long uwlib_work(unsigned long n, uwlib_cb cb);

#ifdef __cplusplus
}
#endif

#endif
