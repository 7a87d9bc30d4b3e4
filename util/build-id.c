// SPDX-License-Identifier: GPL-2.0
/* Build-ids from ELF notes and kernel notes, and the ~/.debug cache paths. */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build-id.h"
#include "debug.h"
#include "symbol.h"

void build_id__init(struct build_id *bid, const uint8_t *data, size_t size)
{
	if (size > BUILD_ID_SIZE)
		size = BUILD_ID_SIZE;
	memset(bid->data, 0, sizeof(bid->data));
	if (size)
		memcpy(bid->data, data, size);
	bid->size = size;
}

bool build_id__is_defined(const struct build_id *bid)
{
	size_t i;

	if (!bid || !bid->size)
		return false;
	for (i = 0; i < bid->size; i++)
		if (bid->data[i])
			return true;
	return false;
}

bool build_id__equal(const struct build_id *a, const struct build_id *b)
{
	return a->size == b->size && !memcmp(a->data, b->data, a->size);
}

int build_id__snprintf(const struct build_id *bid, char *buf, size_t size)
{
	static const char hex[] = "0123456789abcdef";
	size_t i;

	if (!size)
		return 0;
	buf[0] = '\0';
	if (!bid->size || size < bid->size * 2 + 1)
		return 0;
	for (i = 0; i < bid->size; i++) {
		buf[2 * i] = hex[bid->data[i] >> 4];
		buf[2 * i + 1] = hex[bid->data[i] & 15];
	}
	buf[2 * i] = '\0';
	return (int)(2 * i);
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int build_id__parse(struct build_id *bid, const char *hex)
{
	size_t len = strlen(hex), i;
	uint8_t data[BUILD_ID_SIZE];

	if (len < 2 || len % 2 || len > 2 * BUILD_ID_SIZE)
		return -EINVAL;
	for (i = 0; i < len / 2; i++) {
		int hi = hexval(hex[2 * i]), lo = hexval(hex[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -EINVAL;
		data[i] = (uint8_t)(hi << 4 | lo);
	}
	build_id__init(bid, data, len / 2);
	return 0;
}

/* ---- reading notes ---- */

/* Either a file or a memory image; reads are bounds-checked either way. */
struct elf_src {
	int fd;
	const uint8_t *buf;
	uint64_t size;
	bool swap;
	bool is64;
};

static int src__read(struct elf_src *s, uint64_t off, void *dst, size_t len)
{
	if (off > s->size || len > s->size - off)
		return -EINVAL;
	if (s->buf) {
		memcpy(dst, s->buf + off, len);
		return 0;
	}
	if (pread(s->fd, dst, len, (off_t)off) != (ssize_t)len)
		return -EIO;
	return 0;
}

static uint32_t sw32(const struct elf_src *s, uint32_t v)
{
	return s->swap ? __builtin_bswap32(v) : v;
}

static uint64_t sw64(const struct elf_src *s, uint64_t v)
{
	return s->swap ? __builtin_bswap64(v) : v;
}

static uint16_t sw16(const struct elf_src *s, uint16_t v)
{
	return s->swap ? __builtin_bswap16(v) : v;
}

/* Scan a run of notes (@len bytes) for NT_GNU_BUILD_ID. */
static int notes__find_build_id(const uint8_t *p, size_t len, bool swap,
				struct build_id *bid)
{
	size_t off = 0;

	while (len - off >= 12) {
		uint32_t namesz, descsz, type;
		size_t name_off, desc_off;

		memcpy(&namesz, p + off, 4);
		memcpy(&descsz, p + off + 4, 4);
		memcpy(&type, p + off + 8, 4);
		if (swap) {
			namesz = __builtin_bswap32(namesz);
			descsz = __builtin_bswap32(descsz);
			type = __builtin_bswap32(type);
		}
		name_off = off + 12;
		if (namesz > len - name_off)
			break;
		desc_off = name_off + ((namesz + 3) & ~3U);
		if (desc_off > len || descsz > len - desc_off)
			break;
		if (type == NT_GNU_BUILD_ID && namesz == 4 &&
		    !memcmp(p + name_off, "GNU", 4)) {
			build_id__init(bid, p + desc_off, descsz);
			return 0;
		}
		off = desc_off + ((descsz + 3) & ~3U);
	}
	return -ENODATA;
}

static int src__scan_note(struct elf_src *s, uint64_t off, uint64_t len,
			  struct build_id *bid)
{
	uint8_t *buf;
	int err;

	if (len == 0 || len > (1 << 20))
		return -ENODATA;
	buf = malloc(len);
	if (!buf)
		return -ENOMEM;
	err = src__read(s, off, buf, len);
	if (!err)
		err = notes__find_build_id(buf, len, s->swap, bid);
	free(buf);
	return err;
}

/* Notes from the section headers first (debug files), then PT_NOTE. */
static int src__read_build_id(struct elf_src *s, struct build_id *bid)
{
	unsigned char ident[EI_NIDENT];
	uint64_t shoff, phoff;
	unsigned int shnum, phnum, shentsize, phentsize, i;

	if (src__read(s, 0, ident, sizeof(ident)) || memcmp(ident, ELFMAG, SELFMAG))
		return -EINVAL;
	s->is64 = ident[EI_CLASS] == ELFCLASS64;
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	s->swap = ident[EI_DATA] == ELFDATA2MSB;
#else
	s->swap = ident[EI_DATA] == ELFDATA2LSB;
#endif
	if (s->is64) {
		Elf64_Ehdr eh;

		if (src__read(s, 0, &eh, sizeof(eh)))
			return -EINVAL;
		shoff = sw64(s, eh.e_shoff);
		phoff = sw64(s, eh.e_phoff);
		shnum = sw16(s, eh.e_shnum);
		phnum = sw16(s, eh.e_phnum);
		shentsize = sw16(s, eh.e_shentsize);
		phentsize = sw16(s, eh.e_phentsize);
	} else {
		Elf32_Ehdr eh;

		if (src__read(s, 0, &eh, sizeof(eh)))
			return -EINVAL;
		shoff = sw32(s, eh.e_shoff);
		phoff = sw32(s, eh.e_phoff);
		shnum = sw16(s, eh.e_shnum);
		phnum = sw16(s, eh.e_phnum);
		shentsize = sw16(s, eh.e_shentsize);
		phentsize = sw16(s, eh.e_phentsize);
	}

	for (i = 0; shoff && i < shnum; i++) {
		uint64_t off, size;
		uint32_t type;

		if (s->is64) {
			Elf64_Shdr sh;

			if (shentsize < sizeof(sh) ||
			    src__read(s, shoff + (uint64_t)i * shentsize, &sh, sizeof(sh)))
				break;
			type = sw32(s, sh.sh_type);
			off = sw64(s, sh.sh_offset);
			size = sw64(s, sh.sh_size);
		} else {
			Elf32_Shdr sh;

			if (shentsize < sizeof(sh) ||
			    src__read(s, shoff + (uint64_t)i * shentsize, &sh, sizeof(sh)))
				break;
			type = sw32(s, sh.sh_type);
			off = sw32(s, sh.sh_offset);
			size = sw32(s, sh.sh_size);
		}
		if (type == SHT_NOTE && !src__scan_note(s, off, size, bid))
			return 0;
	}
	for (i = 0; phoff && i < phnum; i++) {
		uint64_t off, size;
		uint32_t type;

		if (s->is64) {
			Elf64_Phdr ph;

			if (phentsize < sizeof(ph) ||
			    src__read(s, phoff + (uint64_t)i * phentsize, &ph, sizeof(ph)))
				break;
			type = sw32(s, ph.p_type);
			off = sw64(s, ph.p_offset);
			size = sw64(s, ph.p_filesz);
		} else {
			Elf32_Phdr ph;

			if (phentsize < sizeof(ph) ||
			    src__read(s, phoff + (uint64_t)i * phentsize, &ph, sizeof(ph)))
				break;
			type = sw32(s, ph.p_type);
			off = sw32(s, ph.p_offset);
			size = sw32(s, ph.p_filesz);
		}
		if (type == PT_NOTE && !src__scan_note(s, off, size, bid))
			return 0;
	}
	return -ENODATA;
}

int filename__read_build_id(const char *path, struct build_id *bid)
{
	struct elf_src s = { .fd = -1 };
	struct stat st;
	int err;

	s.fd = open(path, O_RDONLY | O_CLOEXEC);
	if (s.fd < 0)
		return -errno;
	if (fstat(s.fd, &st) || !S_ISREG(st.st_mode)) {
		close(s.fd);
		return -EINVAL;
	}
	s.size = (uint64_t)st.st_size;
	err = src__read_build_id(&s, bid);
	close(s.fd);
	return err;
}

int elf_image__read_build_id(const void *buf, size_t size, struct build_id *bid)
{
	struct elf_src s = { .fd = -1, .buf = buf, .size = size };

	return src__read_build_id(&s, bid);
}

int sysfs__read_build_id(const char *path, struct build_id *bid)
{
	uint8_t buf[8192];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf));
	close(fd);
	if (n < 0)
		return -errno;
	return notes__find_build_id(buf, (size_t)n, false, bid);
}

int kernel__read_running_build_id(struct build_id *bid)
{
	static struct build_id cached;
	static int err = 1;

	if (err > 0)
		err = sysfs__read_build_id("/sys/kernel/notes", &cached);
	if (!err)
		*bid = cached;
	return err;
}

/* ---- cache paths ---- */

char *build_id_cache__path(const struct build_id *bid, const char *name,
			   const char *leaf, char *buf, size_t size)
{
	char hex[SBUILD_ID_SIZE];
	int n;

	if (!build_id__snprintf(bid, hex, sizeof(hex)))
		return NULL;
	/* Absolute names keep their leading '/' after the cache root. */
	n = snprintf(buf, size, "%s%s%s/%s%s%s", symbol_conf__buildid_dir(),
		     name[0] == '/' ? "" : "/", name, hex, leaf ? "/" : "",
		     leaf ? leaf : "");
	if (n < 0 || (size_t)n >= size)
		return NULL;
	return buf;
}

char *build_id_cache__linkname(const struct build_id *bid, char *buf, size_t size)
{
	char hex[SBUILD_ID_SIZE];
	int n;

	if (!build_id__snprintf(bid, hex, sizeof(hex)))
		return NULL;
	n = snprintf(buf, size, "%s/.build-id/%.2s/%s", symbol_conf__buildid_dir(),
		     hex, hex + 2);
	if (n < 0 || (size_t)n >= size)
		return NULL;
	return buf;
}

char *build_id__debug_path(const struct build_id *bid, const char *root,
			   char *buf, size_t size)
{
	char hex[SBUILD_ID_SIZE];
	int n;

	if (!build_id__snprintf(bid, hex, sizeof(hex)))
		return NULL;
	n = snprintf(buf, size, "%s/usr/lib/debug/.build-id/%.2s/%s.debug",
		     root ? root : "", hex, hex + 2);
	if (n < 0 || (size_t)n >= size)
		return NULL;
	return buf;
}

static int mkdir_p(char *path)
{
	char *p;

	for (p = path + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0755) && errno != EEXIST) {
			int err = -errno;

			*p = '/';
			return err;
		}
		*p = '/';
	}
	if (mkdir(path, 0755) && errno != EEXIST)
		return -errno;
	return 0;
}

/* Write @to through a temporary file, so a reader never sees half of it. */
static int write_atomically(const char *to, int in, const void *buf, size_t size)
{
	char chunk[65536], tmp[PATH_MAX];
	int out, err = 0;
	ssize_t n;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp.XXXXXX", to) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	out = mkstemp(tmp);
	if (out < 0)
		return -errno;
	if (in < 0) {
		if (write(out, buf, size) != (ssize_t)size)
			err = -EIO;
	} else {
		/* Read until EOF: /proc/kallsyms reports a size of 0. */
		while ((n = read(in, chunk, sizeof(chunk))) > 0) {
			if (write(out, chunk, (size_t)n) != n) {
				err = -EIO;
				break;
			}
		}
		if (n < 0 && !err)
			err = -errno;
	}
	if (fchmod(out, 0644) && !err)
		err = -errno;
	if (close(out) && !err)
		err = -errno;
	if (!err && rename(tmp, to))
		err = -errno;
	if (err)
		unlink(tmp);
	return err;
}

/* Make <cache>/<name>/<hex>/<leaf> (with @src or @buf) and the .build-id link. */
static int cache_add(const struct build_id *bid, const char *name, const char *leaf,
		     const char *src, const void *buf, size_t size)
{
	char dir[PATH_MAX], file[PATH_MAX], link[PATH_MAX], target[PATH_MAX];
	char hex[SBUILD_ID_SIZE], *slash;
	int err;

	if (!build_id_cache__path(bid, name, NULL, dir, sizeof(dir)) ||
	    !build_id_cache__path(bid, name, leaf, file, sizeof(file)) ||
	    !build_id_cache__linkname(bid, link, sizeof(link)))
		return -EINVAL;
	err = mkdir_p(dir);
	if (err)
		return err;
	if (access(file, F_OK)) {
		int in = -1;

		if (src) {
			in = open(src, O_RDONLY | O_CLOEXEC);
			if (in < 0)
				return -errno;
		}
		err = write_atomically(file, in, buf, size);
		if (in >= 0)
			close(in);
		if (err)
			return err;
	}
	build_id__snprintf(bid, hex, sizeof(hex));
	/* The link is relative, "../../<name>/<hex>", so the cache can move. */
	if (snprintf(target, sizeof(target), "../..%s%s/%s", name[0] == '/' ? "" : "/",
		     name, hex) >= (int)sizeof(target))
		return -ENAMETOOLONG;
	slash = strrchr(link, '/');
	*slash = '\0';
	err = mkdir_p(link);
	*slash = '/';
	if (err)
		return err;
	if (symlink(target, link) && errno != EEXIST)
		return -errno;
	return 0;
}

int build_id_cache__add(const struct build_id *bid, const char *name,
			const char *src, const char *leaf)
{
	return cache_add(bid, name, leaf, src, NULL, 0);
}

int build_id_cache__add_image(const struct build_id *bid, const char *name,
			      const void *buf, size_t size, const char *leaf)
{
	return cache_add(bid, name, leaf, NULL, buf, size);
}
