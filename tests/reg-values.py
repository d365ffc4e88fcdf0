#!/usr/bin/python3
# The values a regedit file sets, one per line, "KEY|NAME|DATA" with DATA
# as 0x%08x (dword), sz:TEXT (a string) or multi:A|B (hex(7), UTF-16LE);
# for the tests that hold a .reg file against the plan. Reads UTF-8,
# ASCII or UTF-16LE with a BOM.
import sys

raw = open(sys.argv[1], 'rb').read()
text = raw.decode('utf-16') if raw[:2] == b'\xff\xfe' else raw.decode('utf-8')
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
            out = 'multi:' + '|'.join(s for s in b.decode('utf-16-le').split('\0') if s)
        elif data.startswith('"'):
            out = 'sz:' + data[1:-1].replace('\\"', '"').replace('\\\\', '\\')
        else:
            out = 'other:' + data
        print(f'{key}|{name}|{out}')
