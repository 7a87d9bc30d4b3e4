// SPDX-License-Identifier: GPL-2.0
/* Reconciling -p/-t/-u/-a/-C, with the reference's warnings. */
#include <stdio.h>
#include <string.h>

#include "target.h"

enum target_errno target__validate(struct target *target)
{
	enum target_errno ret = TARGET_ERRNO__SUCCESS;

	if (target->pid)
		target->tid = target->pid;

	/* A task target wins over CPU, user and system-wide targets. */
	if (target->tid && target->cpu_list) {
		target->cpu_list = NULL;
		if (ret == TARGET_ERRNO__SUCCESS)
			ret = TARGET_ERRNO__PID_OVERRIDE_CPU;
	}
	if (target->tid && target->uid_str) {
		target->uid_str = NULL;
		if (ret == TARGET_ERRNO__SUCCESS)
			ret = TARGET_ERRNO__PID_OVERRIDE_UID;
	}
	if (target->uid_str && target->cpu_list) {
		target->cpu_list = NULL;
		if (ret == TARGET_ERRNO__SUCCESS)
			ret = TARGET_ERRNO__UID_OVERRIDE_CPU;
	}
	if (target->tid && target->system_wide) {
		target->system_wide = false;
		if (ret == TARGET_ERRNO__SUCCESS)
			ret = TARGET_ERRNO__PID_OVERRIDE_SYSTEM;
	}
	if (target->uid_str && target->system_wide) {
		target->system_wide = false;
		if (ret == TARGET_ERRNO__SUCCESS)
			ret = TARGET_ERRNO__UID_OVERRIDE_SYSTEM;
	}
	if (target->per_thread && (target->system_wide || target->cpu_list)) {
		target->per_thread = false;
		if (ret == TARGET_ERRNO__SUCCESS)
			ret = TARGET_ERRNO__SYSTEM_OVERRIDE_THREAD;
	}
	return ret;
}

int target__strerror(struct target *target, int errnum, char *buf, size_t size)
{
	static const char *const msgs[] = {
		[TARGET_ERRNO__PID_OVERRIDE_CPU - TARGET_ERRNO__PID_OVERRIDE_CPU] =
			"PID/TID switch overriding CPU",
		[TARGET_ERRNO__PID_OVERRIDE_UID - TARGET_ERRNO__PID_OVERRIDE_CPU] =
			"PID/TID switch overriding UID",
		[TARGET_ERRNO__UID_OVERRIDE_CPU - TARGET_ERRNO__PID_OVERRIDE_CPU] =
			"UID switch overriding CPU",
		[TARGET_ERRNO__PID_OVERRIDE_SYSTEM - TARGET_ERRNO__PID_OVERRIDE_CPU] =
			"PID/TID switch overriding SYSTEM",
		[TARGET_ERRNO__UID_OVERRIDE_SYSTEM - TARGET_ERRNO__PID_OVERRIDE_CPU] =
			"UID switch overriding SYSTEM",
		[TARGET_ERRNO__SYSTEM_OVERRIDE_THREAD - TARGET_ERRNO__PID_OVERRIDE_CPU] =
			"SYSTEM/CPU switch overriding PER-THREAD",
	};

	if (errnum >= 0)
		return snprintf(buf, size, "%s", strerror(errnum));
	if (errnum == TARGET_ERRNO__INVALID_UID)
		return snprintf(buf, size, "Invalid User: %s", target->uid_str);
	if (errnum == TARGET_ERRNO__USER_NOT_FOUND)
		return snprintf(buf, size, "Problems obtaining information for user %s",
				target->uid_str);
	if (errnum < TARGET_ERRNO__PID_OVERRIDE_CPU ||
	    errnum > TARGET_ERRNO__SYSTEM_OVERRIDE_THREAD)
		return snprintf(buf, size, "Unknown target error %d", errnum);
	return snprintf(buf, size, "%s", msgs[errnum - TARGET_ERRNO__PID_OVERRIDE_CPU]);
}
