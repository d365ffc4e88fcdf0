#!/bin/bash
# bench/check.sh: how fast and how lean "tlsgpo check" is. Prints, for the
# issue's targets:
#   1. a ~200 MB UTF-16 regedit-style export (~3 M lines, almost none of
#      them the policy's): check's time beside "wc -l" on the same file,
#      in one run (target: >= 1 GB/s and >= 0.15 x wc -l);
#   2. peak RSS for a 1 MB and a 1 GB export (target: within 2 x);
#   3. a 40 MB Registry.pol: check against Samba's ndr_unpack of the same
#      file (Debian's python3-samba; target: >= 4 x faster);
#   4. a fleet of 4,000 machine directories of 50 KB exports (target: < 2 s).
# Needs python3, iconv, /usr/bin/time; Samba's part only with python3-samba.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
tool=${TLSGPO:-$here/src/tlsgpo}
work=$(mktemp -d "${TMPDIR:-/tmp}/tlsgpo-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
pol=$here/policies/office365-tls12.ini
now() { date +%s%N; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
best() {	# RUNS COMMAND...: the fastest wall time in ms
	local runs=$1 b=999999999 t s
	shift
	for ((i = 0; i < runs; i++)); do
		s=$(now)
		"$@" >/dev/null 2>&1 || true
		t=$(ms "$s" "$(now)")
		[ "$t" -lt "$b" ] && b=$t
	done
	echo "$b"
}

# An export in regedit /e's shape: LINES lines of vendor keys and values,
# with the policy's WinHttp key somewhere in the middle.
export_text() {	# LINES
	python3 - "$1" <<'EOF'
import random, sys
random.seed(1)
target = int(sys.argv[1])
out = sys.stdout
out.write('Windows Registry Editor Version 5.00\n\n')
n = i = 0
while n < target:
    i += 1
    out.write('[HKEY_LOCAL_MACHINE\\SOFTWARE\\Vendor%d\\Product\\Component%d]\n' % (i % 997, i))
    n += 1
    for j in range(random.randint(3, 12)):
        r = random.random()
        if r < 0.5:
            out.write('"Value%d"=dword:%08x\n' % (j, random.getrandbits(32)))
        elif r < 0.8:
            out.write('"Path%d"="C:\\\\Program Files\\\\Vendor\\\\thing%d.dll"\n' % (j, i))
        else:
            out.write('"Bin%d"=hex:01,02,03,04,05,06,07,08,09,0a,0b,0c,0d,0e,0f,10,\\\n  11,12,13,14\n' % j)
            n += 1
        n += 1
    out.write('\n')
    n += 1
    if n >= target // 2 and i > 0 and 'done' not in globals():
        done = True
        # The policy's key with its ancestors, as an export lists them.
        k = 'HKEY_LOCAL_MACHINE\\SOFTWARE'
        for part in ['Microsoft', 'Windows', 'CurrentVersion', 'Internet Settings', 'WinHttp']:
            k += '\\' + part
            out.write('[%s]\n' % k)
            out.write('"DefaultSecureProtocols"=dword:00000800\n\n' if part == 'WinHttp' else '\n')
EOF
}
utf16() { { printf '\xff\xfe'; sed 's/$/\r/' | iconv -f UTF-8 -t UTF-16LE; }; }

echo "== 1. a large UTF-16 export"
export_text 3000000 > "$work/big.txt"
utf16 < "$work/big.txt" > "$work/big.reg"
size=$(wc -c < "$work/big.reg")
cat "$work/big.reg" > /dev/null	# into the page cache
w=$(best 5 wc -l "$work/big.reg")
c=$(best 5 "$tool" check "$pol" "$work/big.reg")
printf '   %d bytes, %d lines; check says: %s\n' "$size" "$(wc -l < "$work/big.reg")" \
	"$("$tool" check "$pol" "$work/big.reg" 2>&1 | head -1)"
printf '   wc -l: %d ms; tlsgpo check: %d ms = %s GB/s, %s x wc -l\n' "$w" "$c" \
	"$(awk -v s="$size" -v t="$c" 'BEGIN { printf "%.2f", s / (t / 1000) / 1e9 }')" \
	"$(awk -v w="$w" -v t="$c" 'BEGIN { printf "%.2f", w / t }')"

echo "== 2. peak memory, 1 MB and 1 GB exports"
head -c 1048576 "$work/big.reg" > "$work/small.reg"
# One export of over 1 GB: the vendor keys five times, the policy's once.
{ cat "$work/big.txt"; for i in 2 3 4 5; do tail -n +3 "$work/big.txt" | grep -v -F 'SOFTWARE\Microsoft'; done; } | utf16 > "$work/huge.reg"
rm -f "$work/big.txt"
"$tool" check "$pol" "$work/huge.reg" 2>&1 | head -1 | sed 's/^/   (check says: /; s/$/)/'
for f in small huge; do
	/usr/bin/time -o "$work/rss" -f '%M' "$tool" check "$pol" "$work/$f.reg" >/dev/null 2>&1 || true
	rss=$(tail -1 "$work/rss")
	printf '   %s.reg (%d bytes): %s KB peak RSS\n' "$f" "$(wc -c < "$work/$f.reg")" "$rss"
done
rm -f "$work/huge.reg"

echo "== 3. a 40 MB Registry.pol"
python3 - "$work/big.pol" <<'EOF'
import struct, sys
out = open(sys.argv[1], 'wb')
out.write(b'PReg' + struct.pack('<I', 1))
def w(s):
    return (s + '\0').encode('utf-16-le')
i = 0
while out.tell() < 40 * 1024 * 1024:
    key = 'Software\\Policies\\Vendor%d\\Product\\Component%d' % (i % 997, i)
    out.write('['.encode('utf-16-le') + w(key) + ';'.encode('utf-16-le') + w('Value%d' % (i % 13)) +
              ';'.encode('utf-16-le') + struct.pack('<I', 4) + ';'.encode('utf-16-le') + struct.pack('<I', 4) +
              ';'.encode('utf-16-le') + struct.pack('<I', i) + ']'.encode('utf-16-le'))
    i += 1
out.close()
EOF
c=$(best 5 "$tool" check "$pol" "$work/big.pol")
if /usr/bin/python3 -c 'import samba.dcerpc.preg' 2>/dev/null; then
	s=$(/usr/bin/python3 - "$work/big.pol" <<'EOF'
import sys, time
from samba.dcerpc import preg
from samba.ndr import ndr_unpack
data = open(sys.argv[1], 'rb').read()
best = None
for _ in range(3):
    t = time.perf_counter()
    ndr_unpack(preg.file, data)
    t = time.perf_counter() - t
    best = t if best is None or t < best else best
print(int(best * 1000))
EOF
)
	printf '   %d bytes: tlsgpo check %d ms, Samba ndr_unpack %d ms: %s x faster\n' \
		"$(wc -c < "$work/big.pol")" "$c" "$s" "$(awk -v a="$s" -v b="$c" 'BEGIN { printf "%.1f", a / b }')"
else
	printf '   %d bytes: tlsgpo check %d ms (Samba not installed: no comparison)\n' "$(wc -c < "$work/big.pol")" "$c"
fi

echo "== 4. a fleet of 4,000 machines, 50 KB exports each"
export_text 1200 | utf16 > "$work/one.reg"
mkdir -p "$work/fleet"
for ((i = 0; i < 4000; i++)); do
	mkdir "$work/fleet/pc$i"
	cp "$work/one.reg" "$work/fleet/pc$i/hklm.reg"
done
printf '   %d bytes per machine\n' "$(wc -c < "$work/one.reg")"
c=$(best 3 "$tool" check "$pol" "$work"/fleet/pc*)
printf '   tlsgpo check of 4000 machines: %d ms\n' "$c"
