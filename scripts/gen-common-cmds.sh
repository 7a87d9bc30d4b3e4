#!/bin/sh
# Turn command-list.txt (stdin) into common-cmds.h (stdout).
echo '/* Generated from command-list.txt by scripts/gen-common-cmds.sh. */'
echo 'struct cmdname_help {'
echo '	const char *name;'
echo '	const char *help;'
echo '	int implemented;'
echo '};'
echo ''
echo 'static const struct cmdname_help common_cmds[] = {'
grep -v '^#' | awk -F '\t' 'NF >= 3 {
	gsub(/\\/, "\\\\", $3); gsub(/"/, "\\\"", $3);
	printf "\t{ \"%s\", \"%s\", %d },\n", $1, $3, ($2 == "common")
}'
echo '};'
