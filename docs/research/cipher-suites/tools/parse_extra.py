#!/usr/bin/env python3
"""Extract curve/group tables and protocol support matrix from MicrosoftDocs/win32 markdown."""
import re
SRC='/tmp/issue20/src/win32/'
BASE='https://learn.microsoft.com/en-us/windows/win32/secauthn/'
def tables(path):
    cur=None; ctx=''; out=[]
    for ln in open(path,encoding='utf-8'):
        ln=ln.rstrip('\n')
        if ln.startswith('|'):
            cells=[c.strip() for c in ln.strip().strip('|').split('|')]
            if cur is None:
                cur={'ctx':ctx,'hdr':cells,'rows':[]}; out.append(cur); continue
            if set(''.join(cells))<=set('-: '): continue
            cur['rows'].append(cells)
        else:
            cur=None
            if ln.strip(): ctx=ln.strip()
    return out
# curves
with open('/tmp/issue20/curves.tsv','w') as f:
    f.write('page\tposition\tname\tenabled_by_default\tprotocols\tfips\tsource_url\n')
    for key,fn in [('win10-1507-1511','tls-elliptic-curves-in-windows-10-1507-and-1511.md'),
                   ('win10-1607-and-later','tls-elliptic-curves-in-windows-10-1607-and-later.md'),
                   ('win11-24h2-and-later+server2025','tls-supported-groups-in-windows-11-24h2-and-later.md')]:
        for t in tables(SRC+fn):
            en = 'yes' if 'enabled and in this priority order' in t['ctx'] else 'no'
            for i,r in enumerate(t['rows'],1):
                d=dict(zip(t['hdr'],r))
                name=r[0]
                proto=d.get('Supported Protocol Versions','')
                fips=(d.get('Available in FIPS mode') or d.get('Available in FIPS mode (legacy)') or '').lower()
                f.write('\t'.join([key,str(i) if en=='yes' else '',name,en,proto,fips,BASE+fn[:-3]])+'\n')
# protocols
with open('/tmp/issue20/protocols.tsv','w') as f:
    f.write('windows_os\tprotocol\trole\tstate\tsource_url\n')
    for t in tables(SRC+'protocols-in-tls-ssl--schannel-ssp-.md'):
        h=t['hdr']
        if h[0]!='Windows OS' and not h[0].startswith('Windows OS'): continue
        for r in t['rows']:
            for col,val in zip(h[1:],r[1:]):
                parts=col.rsplit(' ',1)
                proto,role=(parts[0],parts[1]) if len(parts)==2 and parts[1] in ('Client','Server') else (col,'')
                f.write('\t'.join([' '.join(r[0].split()),proto,role,val,BASE+'protocols-in-tls-ssl--schannel-ssp-'])+'\n')
