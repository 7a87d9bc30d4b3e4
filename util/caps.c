// SPDX-License-Identifier: GPL-2.0
/* Giving up the capabilities a perf_users install grants, before user code runs. */
#include <errno.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>

#include "caps.h"

/* glibc has no capget/capset wrappers; libcap would be a dependency for two calls. */
static int caps__get(struct __user_cap_data_struct data[2])
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
		.pid = 0,
	};

	return syscall(SYS_capget, &hdr, data) ? -errno : 0;
}

static int caps__set(struct __user_cap_data_struct data[2])
{
	struct __user_cap_header_struct hdr = {
		.version = _LINUX_CAPABILITY_VERSION_3,
		.pid = 0,
	};

	return syscall(SYS_capset, &hdr, data) ? -errno : 0;
}

bool perf_caps__elevated(void)
{
	return getauxval(AT_SECURE) != 0;
}

bool perf_caps__has(int cap)
{
	struct __user_cap_data_struct data[2] = { { 0 } };

	if (cap < 0 || cap >= 64 || caps__get(data))
		return false;
	return data[cap / 32].effective & (UINT32_C(1) << (cap % 32));
}

static int caps__drop_all(void)
{
	struct __user_cap_data_struct data[2] = { { 0 } };
	int cap, err;

	/*
	 * The bounding set limits what a later exec of a file with
	 * capabilities may gain; shrinking it needs CAP_SETPCAP, which a
	 * perf_users install does not grant, so this is best effort. It
	 * must come first: it needs the effective set we clear below.
	 */
	if (perf_caps__has(CAP_SETPCAP)) {
		for (cap = 0; cap < 64; cap++)
			if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) && errno == EINVAL)
				break;	/* past the kernel's last capability */
	}
	/* Ambient capabilities survive exec of an ordinary file; EINVAL: kernel < 4.3. */
	if (prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0) && errno != EINVAL)
		return -errno;
	/* Group first: after the uid change we may no longer be allowed to. */
	if (getegid() != getgid() && setresgid(getgid(), getgid(), getgid()))
		return -errno;
	if (geteuid() != getuid() && setresuid(getuid(), getuid(), getuid()))
		return -errno;
	err = caps__set(data);
	if (err)
		return err;
	/* Trust, but verify: running user code with a capability left is the bug. */
	err = caps__get(data);
	if (err)
		return err;
	if (data[0].effective | data[0].permitted | data[0].inheritable |
	    data[1].effective | data[1].permitted | data[1].inheritable)
		return -EPERM;
	return 0;
}

int perf_caps__drop_for_user_code(void)
{
	return perf_caps__elevated() ? caps__drop_all() : 0;
}

int perf_caps__drop_for_child(void)
{
	return perf_caps__elevated() ? caps__drop_all() : 0;
}
