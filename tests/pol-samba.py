#!/usr/bin/python3
"""pol-samba.py: Registry.pol through Samba's own PReg code (python3-samba).

  pol-samba.py dump FILE    the records Samba reads, as a JSON list of
                            {key, value, type, data} (a REG_MULTI_SZ's
                            data: a list of strings); exit 1 when Samba's
                            re-serialisation of what it read is not the file
  pol-samba.py write FILE   writes the records of a JSON list on stdin (the
                            same form) with Samba's ndr_pack

Run it with Debian's /usr/bin/python3: only that interpreter has the module.
"""
import json
import sys

from samba.dcerpc import misc, preg
from samba.gp_parse.gp_pol import GPPolParser
from samba.ndr import ndr_pack

TYPES = {misc.REG_SZ: 'REG_SZ', misc.REG_DWORD: 'REG_DWORD',
         misc.REG_MULTI_SZ: 'REG_MULTI_SZ'}
CODES = {v: k for k, v in TYPES.items()}


def dump(path):
    data = open(path, 'rb').read()
    parser = GPPolParser()
    parser.parse(data)
    f = parser.pol_file
    if f.header.signature != 'PReg' or f.header.version != 1:
        sys.exit('%s: header %r %r' % (path, f.header.signature, f.header.version))
    out = []
    for e in f.entries:
        d = e.data
        if e.type == misc.REG_SZ and not isinstance(d, str):
            d = bytes(d).decode('utf-16-le').rstrip('\x00')
        if e.type == misc.REG_MULTI_SZ:
            # Samba hands a REG_MULTI_SZ over as its bytes: the strings,
            # each NUL-terminated, then one NUL more ("" for none).
            t = bytes(d).decode('utf-16-le')
            if not t.endswith('\x00\x00') and t != '\x00':
                sys.exit('%s: %s: a REG_MULTI_SZ without its final NUL'
                         % (path, e.valuename))
            d = [s for s in t[:-2].split('\x00')] if t != '\x00' else []
        out.append({'key': e.keyname, 'value': e.valuename,
                    'type': TYPES.get(e.type, str(e.type)), 'data': d})
    print(json.dumps(out, ensure_ascii=False, indent=0))
    if ndr_pack(f) != data:
        sys.exit('%s: Samba writes these records back differently' % path)


def write(path):
    f = preg.file()
    f.header.signature = 'PReg'
    f.header.version = 1
    entries = []
    for r in json.load(sys.stdin):
        e = preg.entry()
        e.keyname = r['key']
        e.valuename = r['value']
        e.type = CODES[r['type']]
        if e.type == misc.REG_MULTI_SZ:
            # Samba's binding takes a REG_MULTI_SZ only as its bytes (a
            # list or str aborts python); these are the bytes Samba's own
            # gp_pol.py (GPPolParser.load_xml) makes of the strings.
            e.data = ('\x00'.join(r['data']) + '\x00\x00').encode('utf-16le')
        else:
            e.data = r['data']
        entries.append(e)
    f.num_entries = len(entries)
    f.entries = entries
    open(path, 'wb').write(ndr_pack(f))


if __name__ == '__main__':
    if len(sys.argv) != 3 or sys.argv[1] not in ('dump', 'write'):
        sys.exit(__doc__)
    (dump if sys.argv[1] == 'dump' else write)(sys.argv[2])
