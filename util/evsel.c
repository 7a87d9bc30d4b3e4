// SPDX-License-Identifier: GPL-2.0
/* One event: opening it on CPUs and threads, reading it, explaining failures. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../perf-sys.h"
#include "cpumap.h"
#include "debug.h"
#include "evsel.h"
#include "fs.h"
#include "header.h"
#include "target.h"
#include "thread_map.h"
#include "util.h"
#include "xyarray.h"
#include "zalloc.h"

struct evsel *evsel__new(const struct perf_event_attr *attr)
{
	struct evsel *evsel = zalloc(sizeof(*evsel));

	if (!evsel)
		return NULL;
	evsel->attr = *attr;
	evsel->attr.size = sizeof(evsel->attr);
	evsel->leader = evsel;
	evsel->nr_members = 1;
	evsel->scale = 1.0;
	INIT_LIST_HEAD(&evsel->node);
	INIT_LIST_HEAD(&evsel->config_terms);
	return evsel;
}

void evsel__delete(struct evsel *evsel)
{
	struct evsel_config_term *term, *tmp;

	if (!evsel)
		return;
	evsel__close(evsel);
	list_for_each_entry_safe(term, tmp, &evsel->config_terms, list) {
		if (term->free_str)
			free(term->val.str);
		free(term);
	}
	xyarray__delete(evsel->counts);
	perf_cpu_map__put(evsel->own_cpus);
	perf_cpu_map__put(evsel->cpus);
	perf_thread_map__put(evsel->threads);
	free(evsel->id);
	free(evsel->name);
	free(evsel->group_name);
	free(evsel->filter);
	free(evsel);
}

const char *evsel__name(struct evsel *evsel)
{
	return evsel && evsel->name ? evsel->name : "unknown";
}

int evsel__set_name(struct evsel *evsel, const char *name)
{
	char *copy = strdup(name);

	if (!copy)
		return -ENOMEM;
	free(evsel->name);
	evsel->name = copy;
	return 0;
}

int evsel__add_config_term(struct evsel *evsel, enum evsel_term_type type,
			   uint64_t num, const char *str)
{
	struct evsel_config_term *term = zalloc(sizeof(*term));

	if (!term)
		return -ENOMEM;
	term->type = type;
	if (str) {
		term->val.str = strdup(str);
		if (!term->val.str) {
			free(term);
			return -ENOMEM;
		}
		term->free_str = true;
	} else {
		term->val.num = num;
	}
	list_add_tail(&term->list, &evsel->config_terms);
	return 0;
}

struct evsel_config_term *evsel__get_config_term(struct evsel *evsel,
						 enum evsel_term_type type)
{
	struct evsel_config_term *term, *found = NULL;

	list_for_each_entry(term, &evsel->config_terms, list)
		if (term->type == type)
			found = term;
	return found;
}

int evsel__fd(struct evsel *evsel, int cpu_idx, int thread_idx)
{
	int *fd;

	if (!evsel->fd)
		return -1;
	fd = xyarray__entry(evsel->fd, (size_t)cpu_idx, (size_t)thread_idx);
	return fd ? *fd : -1;
}

static int evsel__alloc_fd(struct evsel *evsel, int ncpus, int nthreads)
{
	int c, t;

	if (evsel->fd && xyarray__max_x(evsel->fd) == ncpus &&
	    xyarray__max_y(evsel->fd) == nthreads)
		return 0;
	xyarray__delete(evsel->fd);
	evsel->fd = xyarray__new(ncpus, nthreads, sizeof(int));
	if (!evsel->fd)
		return -ENOMEM;
	for (c = 0; c < ncpus; c++)
		for (t = 0; t < nthreads; t++)
			*(int *)xyarray__entry(evsel->fd, (size_t)c, (size_t)t) = -1;
	return 0;
}

void evsel__close(struct evsel *evsel)
{
	int c, t;

	if (!evsel->fd)
		return;
	for (c = 0; c < xyarray__max_x(evsel->fd); c++) {
		for (t = 0; t < xyarray__max_y(evsel->fd); t++) {
			int *fd = xyarray__entry(evsel->fd, (size_t)c, (size_t)t);

			if (*fd >= 0)
				close(*fd);
			*fd = -1;
		}
	}
	xyarray__delete(evsel->fd);
	evsel->fd = NULL;
}

/* What --debug perf-event-open and -vv show for every open. */
static void evsel__debug_open(struct evsel *evsel, pid_t pid, int cpu,
			      int group_fd, unsigned long flags, int ret)
{
	if (verbose < 2 && !debug_peo_args)
		return;
	fprintf(stderr, "------------------------------------------------------------\n");
	perf_event_attr__fprintf(stderr, &evsel->attr);
	fprintf(stderr, "------------------------------------------------------------\n");
	fprintf(stderr, "sys_perf_event_open: pid %d  cpu %d  group_fd %d  flags %#lx",
		pid, cpu, group_fd, flags);
	if (ret < 0)
		fprintf(stderr, "\nsys_perf_event_open failed, error %d\n", -ret);
	else
		fprintf(stderr, " = %d\n", ret);
}

int evsel__open(struct evsel *evsel, struct perf_cpu_map *cpus,
		struct perf_thread_map *threads)
{
	struct perf_cpu_map *any = NULL;
	struct perf_thread_map *dummy = NULL;
	int ncpus, nthreads, c, t, err = 0;

	if (evsel__is_tool(evsel))
		return 0;
	if (!cpus)
		cpus = any = perf_cpu_map__new_any();
	if (!threads)
		threads = dummy = perf_thread_map__new_dummy();
	if (!cpus || !threads) {
		err = -ENOMEM;
		goto out;
	}
	ncpus = perf_cpu_map__nr(cpus);
	nthreads = perf_thread_map__nr(threads);
	err = evsel__alloc_fd(evsel, ncpus, nthreads);
	if (err)
		goto out;
	if (!evsel->counts)
		evsel->counts = xyarray__new(ncpus, nthreads,
					     sizeof(struct perf_counts_values));

	for (c = 0; c < ncpus && !err; c++) {
		for (t = 0; t < nthreads; t++) {
			unsigned long flags = PERF_FLAG_FD_CLOEXEC;
			int group_fd = -1, fd;
			pid_t pid = perf_thread_map__pid(threads, t);
			int cpu = perf_cpu_map__cpu(cpus, c).cpu;

			if (!evsel__is_group_leader(evsel))
				group_fd = evsel__fd(evsel->leader, c, t);

			fd = sys_perf_event_open(&evsel->attr, pid, cpu, group_fd, flags);
			evsel__debug_open(evsel, pid, cpu, group_fd, flags,
					  fd < 0 ? -errno : fd);
			if (fd < 0) {
				err = -errno;
				/* A thread that exited meanwhile is not an error. */
				if (err == -ESRCH && nthreads > 1) {
					err = 0;
					continue;
				}
				break;
			}
			*(int *)xyarray__entry(evsel->fd, (size_t)c, (size_t)t) = fd;
		}
	}
	if (err) {
		evsel__close(evsel);
		evsel->open_errno = -err;
	} else {
		evsel->open_errno = 0;
		evsel->supported = true;
		if (cpus != evsel->cpus) {
			perf_cpu_map__put(evsel->cpus);
			evsel->cpus = perf_cpu_map__get(cpus);
		}
		if (threads != evsel->threads) {
			perf_thread_map__put(evsel->threads);
			evsel->threads = perf_thread_map__get(threads);
		}
	}
out:
	perf_cpu_map__put(any);
	perf_thread_map__put(dummy);
	return err;
}

static int evsel__ioctl_all(struct evsel *evsel, unsigned long request)
{
	int c, t;

	if (!evsel->fd)
		return 0;
	for (c = 0; c < xyarray__max_x(evsel->fd); c++) {
		for (t = 0; t < xyarray__max_y(evsel->fd); t++) {
			int fd = evsel__fd(evsel, c, t);

			if (fd >= 0 && ioctl(fd, request, 0) < 0)
				return -errno;
		}
	}
	return 0;
}

int evsel__enable(struct evsel *evsel)
{
	return evsel__ioctl_all(evsel, PERF_EVENT_IOC_ENABLE);
}

int evsel__disable(struct evsel *evsel)
{
	return evsel__ioctl_all(evsel, PERF_EVENT_IOC_DISABLE);
}

struct perf_counts_values *evsel__counts(struct evsel *evsel, int cpu_idx,
					 int thread_idx)
{
	if (!evsel->counts)
		return NULL;
	return xyarray__entry(evsel->counts, (size_t)cpu_idx, (size_t)thread_idx);
}

int evsel__read_counter(struct evsel *evsel, int cpu_idx, int thread_idx)
{
	uint64_t buf[5] = { 0 };
	uint64_t rf = evsel->attr.read_format;
	struct perf_counts_values *count = evsel__counts(evsel, cpu_idx, thread_idx);
	int fd = evsel__fd(evsel, cpu_idx, thread_idx), i = 1;
	size_t size = sizeof(uint64_t);
	ssize_t n;

	if (fd < 0 || !count)
		return -EBADF;
	if (rf & PERF_FORMAT_GROUP)
		return -EINVAL;	/* group reads go through the leader's reader */
	if (rf & PERF_FORMAT_TOTAL_TIME_ENABLED)
		size += sizeof(uint64_t);
	if (rf & PERF_FORMAT_TOTAL_TIME_RUNNING)
		size += sizeof(uint64_t);
	if (rf & PERF_FORMAT_ID)
		size += sizeof(uint64_t);
	if (rf & PERF_FORMAT_LOST)
		size += sizeof(uint64_t);

	do {
		n = read(fd, buf, size);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return -errno;
	if ((size_t)n != size)
		return -EIO;

	count->val = buf[0];
	count->ena = (rf & PERF_FORMAT_TOTAL_TIME_ENABLED) ? buf[i++] : 0;
	count->run = (rf & PERF_FORMAT_TOTAL_TIME_RUNNING) ? buf[i++] : 0;
	return 0;
}

/* ---- fallbacks ---- */

static int perf_event_paranoid(void)
{
	int value;

	if (sysctl__read_int("kernel/perf_event_paranoid", &value))
		return 2;	/* the kernel's default */
	return value;
}

/*
 * Append a modifier letter to the name: "cycles" -> "cycles:u", but
 * "pmu/config=1/" -> "pmu/config=1/u", as the reference spells both.
 */
static void evsel__add_name_modifier(struct evsel *evsel, char mod)
{
	const char *name = evsel__name(evsel);
	char *n;

	if (asprintf(&n, "%s%s%c", name, strpbrk(name, ":/") ? "" : ":", mod) < 0)
		return;
	free(evsel->name);
	evsel->name = n;
}

/*
 * The name a fallen-back event gets: the new event's name with modifiers
 * rebuilt from the attr, as the reference does ("cpu-clock:uhppp" for
 * `--all-user`, "cpu-clock:uH" for cycles:u).
 */
static void evsel__set_fallback_name(struct evsel *evsel, const char *base)
{
	char name[64];

	snprintf(name, sizeof(name), "%s", base);
	perf_event_attr__add_modifiers(&evsel->attr, name, sizeof(name));
	evsel__set_name(evsel, name);
}

bool evsel__fallback(struct evsel *evsel, int err, char *msg, size_t msgsize)
{
	int paranoid;

	if ((err == ENOENT || err == ENXIO || err == ENODEV || err == EOPNOTSUPP ||
	     err == EINVAL) &&
	    evsel->attr.type == PERF_TYPE_HARDWARE &&
	    evsel->attr.config == PERF_COUNT_HW_CPU_CYCLES) {
		/* No PMU (a VM, a container): the hrtimer-based clock still samples. */
		snprintf(msg, msgsize, "%s",
			 "The cycles event is not supported, trying to fall back to cpu-clock-ticks");
		evsel->attr.type = PERF_TYPE_SOFTWARE;
		evsel->attr.config = PERF_COUNT_SW_CPU_CLOCK;
		evsel__set_fallback_name(evsel, "cpu-clock");
		return true;
	}

	/*
	 * An event that counts only the kernel (":k") would count nothing
	 * without it: then the user hears why it was refused instead.
	 */
	if ((err == EACCES || err == EPERM) && !evsel->attr.exclude_kernel &&
	    !evsel->attr.exclude_user && (paranoid = perf_event_paranoid()) > 1) {
		/* Level 2 forbids the kernel to unprivileged users, not user space. */
		evsel__add_name_modifier(evsel, 'u');
		evsel->attr.exclude_kernel = 1;
		evsel->attr.exclude_hv = 1;
		snprintf(msg, msgsize,
			 "kernel.perf_event_paranoid=%d, trying to fall back to excluding kernel and hypervisor  samples",
			 paranoid);
		return true;
	}

	if (err == EOPNOTSUPP && evsel->attr.precise_ip) {
		evsel->attr.precise_ip--;
		snprintf(msg, msgsize, "precise_ip %u not supported, trying %u",
			 evsel->attr.precise_ip + 1, evsel->attr.precise_ip);
		return true;
	}
	return false;
}

/*
 * Attr features newer than some kernels, newest first: on EINVAL the
 * first one the event uses is dropped and the open retried. Once a
 * feature is known missing, later events drop it before their first try.
 */
static struct {
	bool cgroup, build_id, text_poke, lost, branch_hw_idx, aux_output;
	bool bpf, ksymbol, write_backward, clockid, namespaces, lbr_flags;
	bool exclude_guest, sample_id_all;
} missing;

bool evsel__detect_missing_features(struct evsel *evsel, int err)
{
	struct perf_event_attr *a = &evsel->attr;

	if (err != EINVAL)
		return false;
#define DROP(cond, flag, action)					\
	do {								\
		if (!missing.flag && (cond)) {				\
			missing.flag = true;				\
			pr_debug2("switching off " #flag "\n");		\
			action;						\
			return true;					\
		}							\
	} while (0)
	DROP(a->cgroup, cgroup, a->cgroup = 0);
	DROP(a->build_id, build_id, (a->build_id = 0, a->mmap2 = 1));
	DROP(a->text_poke, text_poke, a->text_poke = 0);
	DROP(a->read_format & PERF_FORMAT_LOST, lost, a->read_format &= ~PERF_FORMAT_LOST);
	DROP(a->branch_sample_type & PERF_SAMPLE_BRANCH_HW_INDEX, branch_hw_idx,
	     a->branch_sample_type &= ~PERF_SAMPLE_BRANCH_HW_INDEX);
	DROP(a->aux_output, aux_output, a->aux_output = 0);
	DROP(a->bpf_event, bpf, a->bpf_event = 0);
	DROP(a->ksymbol, ksymbol, a->ksymbol = 0);
	DROP(a->write_backward, write_backward, a->write_backward = 0);
	DROP(a->use_clockid, clockid, (a->use_clockid = 0, a->clockid = 0));
	DROP(a->namespaces, namespaces, a->namespaces = 0);
	DROP(a->exclude_guest || a->exclude_host, exclude_guest,
	     (a->exclude_guest = 0, a->exclude_host = 0));
	DROP(a->sample_id_all, sample_id_all, a->sample_id_all = 0);
#undef DROP
	return false;
}

/* ---- explaining errors ---- */

static const char paranoid_text[] =
	"Access to performance monitoring and observability operations is limited.\n"
	"Consider adjusting /proc/sys/kernel/perf_event_paranoid setting to open\n"
	"access to performance monitoring and observability operations for processes\n"
	"without CAP_PERFMON, CAP_SYS_PTRACE or CAP_SYS_ADMIN Linux capability.\n"
	"More information can be found at 'Perf events and tool security' document:\n"
	"https://www.kernel.org/doc/html/latest/admin-guide/perf-security.html\n"
	"perf_event_paranoid setting is %d:\n"
	"  -1: Allow use of (almost) all events by all users\n"
	"      Ignore mlock limit after perf_event_mlock_kb without CAP_IPC_LOCK\n"
	">= 0: Disallow raw and ftrace function tracepoint access\n"
	">= 1: Disallow CPU event access\n"
	">= 2: Disallow kernel profiling\n"
	"%s"
	"To make the adjusted perf_event_paranoid setting permanent preserve it\n"
	"in /etc/sysctl.conf (e.g. kernel.perf_event_paranoid = <setting>)";

/*
 * Debian and other distribution kernels add levels above 2 that refuse
 * every unprivileged perf_event_open(); the upstream text does not
 * mention them, so a user at level 3 or 4 would not learn why even
 * per-process counting fails. Shown only at those levels, so the text at
 * levels up to 2 stays the reference's.
 */
static const char paranoid_distro_text[] =
	">= 3: Disallow all use by unprivileged users (distribution kernels);\n"
	"      only CAP_PERFMON or CAP_SYS_ADMIN holders may open events,\n"
	"      e.g. a perf binary with file capabilities for the perf_users group\n";

int evsel__open_strerror(struct evsel *evsel, struct target *target, int err,
			 char *buf, size_t size)
{
	const char *name = evsel__name(evsel);
	int paranoid;

	switch (err) {
	case EPERM:
	case EACCES: {
		/*
		 * The kernel says EPERM for a check on the event itself (raw
		 * tracepoint data, ftrace function), EACCES for the paranoid
		 * level: name the event for the former, as the reference
		 * does. The reference stops there; the advice follows here,
		 * because it is what the user needs either way.
		 */
		int printed = 0;

		if (err == EPERM)
			printed = snprintf(buf, size, "No permission to enable %s event.\n\n", name);
		if (printed < 0 || (size_t)printed >= size)
			return printed;
		paranoid = perf_event_paranoid();
		return printed + snprintf(buf + printed, size - (size_t)printed, paranoid_text,
					  paranoid, paranoid > 2 ? paranoid_distro_text : "");
	}
	case ENOENT:
		return snprintf(buf, size, "The %s event is not supported.", name);
	case EMFILE:
		return snprintf(buf, size, "%s",
			"Too many events are opened.\n"
			"Probably the maximum number of open file descriptors has been reached.\n"
			"Hint: Try again after reducing the number of events.\n"
			"Hint: Try increasing the limit with 'ulimit -n <limit>'");
	case ENOMEM:
		if (evsel->attr.sample_type & PERF_SAMPLE_CALLCHAIN) {
			int max_stack = 0;

			sysctl__read_int("kernel/perf_event_max_stack", &max_stack);
			return snprintf(buf, size,
				"Not enough memory to setup event with callchain.\n"
				"Hint: Try tweaking /proc/sys/kernel/perf_event_max_stack\n"
				"Hint: Current value: %d", max_stack);
		}
		break;
	case ENODEV:
		if (target && target->cpu_list)
			return snprintf(buf, size, "%s",
				"No such device - did you specify an out-of-range profile CPU?");
		break;
	case EOPNOTSUPP:
		if (evsel->attr.sample_type & PERF_SAMPLE_BRANCH_STACK)
			return snprintf(buf, size,
				"%s: PMU Hardware or event type doesn't support branch stack sampling.",
				name);
		if (evsel->attr.aux_output)
			return snprintf(buf, size,
				"%s: PMU Hardware doesn't support 'aux_output' feature", name);
		if (evsel->attr.sample_period != 0)
			return snprintf(buf, size,
				"%s: PMU Hardware doesn't support sampling/overflow-interrupts. Try 'perf stat'",
				name);
		if (evsel->attr.precise_ip)
			return snprintf(buf, size, "%s",
				"'precise' request may not be supported. Try removing 'p' modifier.");
		if (evsel->attr.type == PERF_TYPE_HARDWARE)
			return snprintf(buf, size, "%s",
				"No hardware sampling interrupt available.\n");
		break;
	case EBUSY:
		return snprintf(buf, size, "%s",
			"The PMU counters are busy/taken by another profiler.\n"
			"Stop the other profiler (or the NMI watchdog user) and try again.");
	case EINVAL:
		if (missing.write_backward && evsel->attr.write_backward)
			return snprintf(buf, size,
				"Reading from overwrite event is not supported by this kernel.");
		if (missing.clockid)
			return snprintf(buf, size, "clockid feature not supported.");
		if (missing.aux_output)
			return snprintf(buf, size,
				"The 'aux_output' feature is not supported, update the kernel.");
		if (target && !target__has_cpu(target))
			return snprintf(buf, size,
				"Invalid event (%s) in per-thread mode, enable system wide with '-a'.",
				name);
		break;
	case ENODATA:
		return snprintf(buf, size,
			"Cannot collect data source with the load latency event alone. "
			"Please add an auxiliary event in front of the load latency event.");
	default:
		break;
	}
	return snprintf(buf, size,
		"The sys_perf_event_open() syscall returned with %d (%s) for event (%s).\n"
		"/bin/dmesg | grep -i perf may provide additional information.\n",
		err, strerror(err), name);
}

/* ---- attr printing (-vv) ---- */

static int attr__fprintf_line(FILE *fp, const char *name, const char *val,
			      void *priv __maybe_unused)
{
	return fprintf(fp, "  %-32s %s\n", name, val);
}

void perf_event_attr__fprintf(FILE *fp, const struct perf_event_attr *attr)
{
	/* One table of field names and formats (attr-fprintf.c) for every view. */
	fprintf(fp, "perf_event_attr:\n");
	perf_event_attr__fprintf_cb(fp, attr, attr__fprintf_line, NULL);
}

/* ---- perf stat's additions: tracepoint filters and cgroup counting ---- */

int evsel__apply_filter(struct evsel *evsel, const char *filter)
{
	int c, t;

	if (!evsel->fd)
		return 0;
	for (c = 0; c < xyarray__max_x(evsel->fd); c++) {
		for (t = 0; t < xyarray__max_y(evsel->fd); t++) {
			int fd = evsel__fd(evsel, c, t);

			if (fd >= 0 && ioctl(fd, PERF_EVENT_IOC_SET_FILTER, filter) < 0)
				return -errno;
		}
	}
	return 0;
}

int evsel__open_cgroup(struct evsel *evsel, struct perf_cpu_map *cpus, int cgroup_fd)
{
	int ncpus = perf_cpu_map__nr(cpus), c, err = 0;

	err = evsel__alloc_fd(evsel, ncpus, 1);
	if (err)
		return err;
	if (!evsel->counts)
		evsel->counts = xyarray__new(ncpus, 1, sizeof(struct perf_counts_values));
	for (c = 0; c < ncpus; c++) {
		/* The kernel reads pid as a cgroup directory fd with this flag. */
		unsigned long flags = PERF_FLAG_FD_CLOEXEC | PERF_FLAG_PID_CGROUP;
		int cpu = perf_cpu_map__cpu(cpus, c).cpu;
		int group_fd = evsel__is_group_leader(evsel) ? -1 :
			       evsel__fd(evsel->leader, c, 0);
		int fd = sys_perf_event_open(&evsel->attr, cgroup_fd, cpu, group_fd, flags);

		evsel__debug_open(evsel, cgroup_fd, cpu, group_fd, flags,
				  fd < 0 ? -errno : fd);
		if (fd < 0) {
			err = -errno;
			break;
		}
		*(int *)xyarray__entry(evsel->fd, (size_t)c, 0) = fd;
	}
	if (err) {
		evsel__close(evsel);
		evsel->open_errno = -err;
		return err;
	}
	evsel->open_errno = 0;
	evsel->supported = true;
	if (cpus != evsel->cpus) {
		perf_cpu_map__put(evsel->cpus);
		evsel->cpus = perf_cpu_map__get(cpus);
	}
	return 0;
}
