#!/bin/sh
# The catalogs are complete: every message of po/ar.po and po/fa.po is
# translated (no fuzzy, no untranslated), the format strings agree
# (msgfmt -c), the plural forms are Arabic's six and Persian's two, and
# every source file with translatable strings is in po/POTFILES.in.
set -u
top=${top_srcdir:?}
fail=0
for l in ar fa; do
	stats=$(msgfmt -c --check-format --statistics -o /dev/null "$top/po/$l.po" 2>&1)
	case $stats in
	*untranslated* | *fuzzy* | *error* | *warning*)
		echo "FAIL: po/$l.po: $stats" >&2
		fail=1
		;;
	*" translated message"*) ;;
	*)
		echo "FAIL: po/$l.po: $stats" >&2
		fail=1
		;;
	esac
done
msgcat --no-wrap "$top/po/ar.po" | grep -qF 'Plural-Forms: nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5;' ||
	{ echo "FAIL: po/ar.po: Arabic has six plural forms" >&2; fail=1; }
msgcat --no-wrap "$top/po/fa.po" | grep -qF 'Plural-Forms: nplurals=2; plural=(n > 1);' ||
	{ echo "FAIL: po/fa.po: Persian has two plural forms" >&2; fail=1; }
# Every message of the sources is in the catalogs.
pot=$(mktemp)
(cd "$top" && xgettext -o "$pot" --from-code=UTF-8 --keyword=_ --keyword=N_ --keyword=P_:1,2 \
	--keyword=C_:1c,2 --keyword=CP_:1c,2,3 $(grep -v '^#' po/POTFILES.in)) 2>/dev/null
for l in ar fa; do
	missing=$(msgcmp "$top/po/$l.po" "$pot" 2>&1 | grep -c "this message is used but not defined")
	[ "$missing" = 0 ] || { echo "FAIL: po/$l.po lacks $missing messages of the sources" >&2; fail=1; }
done
rm -f "$pot"
cd "$top"
for f in $(grep -rlE '\b_\(|\bN_\(|\bP_\(|\bC_\(|\bCP_\(' src --include=*.c); do
	grep -qxF "$f" po/POTFILES.in || { echo "FAIL: $f is not in po/POTFILES.in" >&2; fail=1; }
done
[ $fail = 0 ] && echo "PASS: the catalogs are complete"
exit $fail
