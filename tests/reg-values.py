#!/usr/bin/python3
# The values a regedit file sets, one per line, "KEY|NAME|DATA" with DATA
# as 0x%08x (dword), sz:TEXT (a string) or multi:A|B (hex(7): UTF-16LE in
# a UTF-16 file, 8-bit bytes in an 8-bit one, as regedit reads them);
# for the tests that hold a .reg file against the plan. Reads UTF-8,
# ASCII or UTF-16LE with a BOM.
import sys

raw = open(sys.argv[1], 'rb').read()
wide = raw[:2] == b'\xff\xfe'
text = raw.decode('utf-16') if wide else raw.decode('utf-8')
lines, cur = [], ''
for line in text.replace('\r\n', '\n').split('\n'):
    if cur:
        line = line.lstrip()
    cur += line
    if cur.endswith('\\') and '=hex' in cur:
        cur = cur[:-1]
        continue
    lines.append(cur)
    cur = ''
key = None
for line in lines:
    if line.startswith('['):
        key = line[1:-1]
    elif line.startswith('"'):
        i = 1
        name = ''
        while line[i] != '"':
            if line[i] == '\\':
                i += 1
            name += line[i]
            i += 1
        data = line[i + 2:]
        if data == '-':
            continue
        if data.startswith('dword:'):
            out = '0x' + data[6:].lower()
        elif data.startswith('hex(7):'):
            b = bytes(int(x, 16) for x in data[7:].split(','))
            # hex(7) bytes: UTF-16LE in a UTF-16 file, 8-bit in another.
            out = 'multi:' + '|'.join(s for s in b.decode('utf-16-le' if wide else 'latin-1').split('\0') if s)
        elif data.startswith('"'):
            out = 'sz:' + data[1:-1].replace('\\"', '"').replace('\\\\', '\\')
        else:
            out = 'other:' + data
        print(f'{key}|{name}|{out}')
