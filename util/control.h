/* SPDX-License-Identifier: GPL-2.0 */
/*
 * --control: commands to a running perf arrive one per line on a
 * control fd (or a FIFO perf opens), and perf may confirm each with
 * "ack\n" on a second one. The commands are the reference's: enable,
 * disable (optionally of one event by name), snapshot, stop, ping and
 * evlist [-v|-g|-F].
 *
 * Layer 1: depends on libc only; what a command does is the caller's.
 */
#ifndef PERF_UTIL_CONTROL_H
#define PERF_UTIL_CONTROL_H

#include <stdbool.h>
#include <stddef.h>

enum perf_control_cmd {
	PERF_CONTROL_NONE,	/* no complete line yet */
	PERF_CONTROL_UNKNOWN,
	PERF_CONTROL_ENABLE,
	PERF_CONTROL_DISABLE,
	PERF_CONTROL_SNAPSHOT,
	PERF_CONTROL_EVLIST,
	PERF_CONTROL_STOP,
	PERF_CONTROL_PING,
};

/**
 * struct perf_control - the control and acknowledgement fds
 * @fd:      where commands are read, -1 when there is no --control
 * @ack_fd:  where "ack\n" goes, -1 for none
 * @opened:  the fds are FIFOs opened here, closed by perf_control__close
 * @line:    a command being assembled across reads
 */
struct perf_control {
	int fd;
	int ack_fd;
	bool opened;
	char line[256];
	size_t len;
};

/* No control: both fds -1. */
void perf_control__init(struct perf_control *ctl);

/*
 * Parse --control "fd:CTL[,ACK]" or "fifo:CTL[,ACK]" and open the FIFOs
 * (read-write for the control one, so it never sees end-of-file when a
 * writer goes away). Returns 0, or -EINVAL for a bad spec, or -errno of
 * a failed open; @err (of @size bytes) then says what failed.
 */
int perf_control__parse(struct perf_control *ctl, const char *spec, char *err, size_t size);

void perf_control__close(struct perf_control *ctl);

/*
 * Take in what is waiting on @ctl->fd without blocking (the fd may be a
 * blocking one the user passed). Returns 0, or -EPIPE at end-of-file
 * (a writer of an fd:N pipe went away: stop polling it).
 */
int perf_control__fill(struct perf_control *ctl);

/*
 * The next complete command taken in, with its argument (after a space:
 * the event name of "enable NAME", the "-v" of "evlist -v") copied to
 * @arg, "" when none. PERF_CONTROL_NONE when no complete line waits.
 */
enum perf_control_cmd perf_control__next(struct perf_control *ctl, char *arg, size_t size);

/* Send "ack\n" when there is an ack fd. Returns 0 or -errno. */
int perf_control__ack(struct perf_control *ctl);

#endif /* PERF_UTIL_CONTROL_H */
