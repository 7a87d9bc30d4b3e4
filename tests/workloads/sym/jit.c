/* A JIT in miniature: copies a loop into anonymous executable memory,
 * names it in /tmp/perf-PID.map and runs it. x86-64 only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* mov %rdi,%rax; 1: imul $33,%rax,%rax; add $1,%rax; dec %rdi; jnz 1b; ret */
static const unsigned char loop_code[] = {
	0x48, 0x89, 0xf8, 0x48, 0x6b, 0xc0, 0x21, 0x48, 0x83, 0xc0, 0x01,
	0x48, 0xff, 0xcf, 0x75, 0xf3, 0xc3,
};

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 200;
	char path[64];
	unsigned char *mem;
	unsigned long (*f1)(unsigned long), (*f2)(unsigned long);
	volatile unsigned long sink = 0;
	FILE *map;

	mem = mmap(NULL, 8192, PROT_READ | PROT_WRITE | PROT_EXEC,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (mem == MAP_FAILED)
		return 1;
	memcpy(mem, loop_code, sizeof(loop_code));
	memcpy(mem + 0x100, loop_code, sizeof(loop_code));
	f1 = (unsigned long (*)(unsigned long))mem;
	f2 = (unsigned long (*)(unsigned long))(mem + 0x100);
	snprintf(path, sizeof(path), "/tmp/perf-%d.map", getpid());
	map = fopen(path, "w");
	if (!map)
		return 1;
	fprintf(map, "%lx %zx jitted_loop_one\n", (unsigned long)mem, sizeof(loop_code));
	fprintf(map, "%lx %zx LJIT::loop two(int)\n", (unsigned long)(mem + 0x100),
		sizeof(loop_code));
	fclose(map);
	for (long i = 0; i < n; i++) {
		sink += f1(100000);
		sink += f2(50000);
	}
	return 0;
}
