// SPDX-License-Identifier: GPL-2.0
/* The --control command channel: parsing the spec, reading commands, acks. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "control.h"

void perf_control__init(struct perf_control *ctl)
{
	memset(ctl, 0, sizeof(*ctl));
	ctl->fd = ctl->ack_fd = -1;
}

static int parse_fd(const char *s, int *fd)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < 0 || v > 1 << 20)
		return -EINVAL;
	*fd = (int)v;
	return 0;
}

int perf_control__parse(struct perf_control *ctl, const char *spec, char *err, size_t size)
{
	char *copy, *ack;
	int ret = 0;

	perf_control__init(ctl);
	if (strncmp(spec, "fd:", 3) && strncmp(spec, "fifo:", 5)) {
		snprintf(err, size, "--control takes fd:ctl-fd[,ack-fd] or fifo:ctl-fifo[,ack-fifo], not '%s'",
			 spec);
		return -EINVAL;
	}
	copy = strdup(strchr(spec, ':') + 1);
	if (!copy)
		return -ENOMEM;
	ack = strchr(copy, ',');
	if (ack)
		*ack++ = '\0';

	if (spec[1] == 'd') {
		if (parse_fd(copy, &ctl->fd) || (ack && parse_fd(ack, &ctl->ack_fd))) {
			snprintf(err, size, "--control: bad file descriptor number in '%s'", spec);
			ret = -EINVAL;
		} else if (fcntl(ctl->fd, F_GETFD) < 0 ||
			   (ctl->ack_fd >= 0 && fcntl(ctl->ack_fd, F_GETFD) < 0)) {
			/* The reference polls a closed fd forever; say so instead. */
			ret = -errno;
			snprintf(err, size, "--control: cannot use '%s': %s", spec, strerror(errno));
		}
		goto out;
	}
	ctl->opened = true;
	ctl->fd = open(copy, O_RDWR | O_NONBLOCK | O_CLOEXEC);
	if (ctl->fd < 0) {
		ret = -errno;
		snprintf(err, size, "Failed to open '%s'", copy);
		goto out;
	}
	if (ack) {
		ctl->ack_fd = open(ack, O_WRONLY | O_CLOEXEC);
		if (ctl->ack_fd < 0) {
			ret = -errno;
			snprintf(err, size, "Failed to open '%s'", ack);
		}
	}
out:
	free(copy);
	if (ret) {
		perf_control__close(ctl);
		perf_control__init(ctl);
	}
	return ret;
}

void perf_control__close(struct perf_control *ctl)
{
	if (ctl->opened) {
		if (ctl->fd >= 0)
			close(ctl->fd);
		if (ctl->ack_fd >= 0)
			close(ctl->ack_fd);
	}
	ctl->fd = ctl->ack_fd = -1;
	ctl->opened = false;
}

int perf_control__fill(struct perf_control *ctl)
{
	struct pollfd p = { .fd = ctl->fd, .events = POLLIN };
	ssize_t n;

	if (ctl->fd < 0)
		return -EPIPE;
	if (poll(&p, 1, 0) <= 0 || !(p.revents & (POLLIN | POLLHUP)))
		return 0;
	/* A line longer than the buffer is garbage: drop what was kept. */
	if (ctl->len == sizeof(ctl->line))
		ctl->len = 0;
	n = read(ctl->fd, ctl->line + ctl->len, sizeof(ctl->line) - ctl->len);
	if (n < 0)
		return errno == EAGAIN || errno == EINTR ? 0 : -errno;
	if (n == 0)
		return -EPIPE;
	ctl->len += (size_t)n;
	return 0;
}

enum perf_control_cmd perf_control__next(struct perf_control *ctl, char *arg, size_t size)
{
	static const struct {
		const char *name;
		enum perf_control_cmd cmd;
	} cmds[] = {
		{ "enable", PERF_CONTROL_ENABLE }, { "disable", PERF_CONTROL_DISABLE },
		{ "snapshot", PERF_CONTROL_SNAPSHOT }, { "evlist", PERF_CONTROL_EVLIST },
		{ "stop", PERF_CONTROL_STOP }, { "ping", PERF_CONTROL_PING },
	};
	enum perf_control_cmd cmd = PERF_CONTROL_UNKNOWN;
	char *nl = memchr(ctl->line, '\n', ctl->len), *sp;
	size_t len, i;

	if (!nl)
		return PERF_CONTROL_NONE;
	*nl = '\0';
	len = (size_t)(nl - ctl->line);
	sp = strchr(ctl->line, ' ');
	if (sp)
		*sp = '\0';
	snprintf(arg, size, "%s", sp ? sp + 1 : "");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (!strcmp(ctl->line, cmds[i].name))
			cmd = cmds[i].cmd;
	memmove(ctl->line, nl + 1, ctl->len - len - 1);
	ctl->len -= len + 1;
	return cmd;
}

int perf_control__ack(struct perf_control *ctl)
{
	static const char ack[] = "ack\n";

	if (ctl->ack_fd < 0)
		return 0;
	if (write(ctl->ack_fd, ack, sizeof(ack) - 1) < 0)
		return -errno;
	return 0;
}
