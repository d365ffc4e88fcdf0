#!/usr/bin/env python3
"""Parse Microsoft's TLS cipher suite pages (MicrosoftDocs/win32 markdown) into suites.tsv."""
import re, sys, os
SRC = '/tmp/issue20/src/win32'
COMMIT = sys.argv[1] if len(sys.argv) > 1 else ''
PAGES = [  # os_page, file, covers
 ('vista', 'schannel-cipher-suites-in-windows-vista.md', 'Windows Vista; Windows Server 2008'),
 ('win7', 'tls-cipher-suites-in-windows-7.md', 'Windows 7; Windows Server 2008 R2'),
 ('win8', 'tls-cipher-suites-in-windows-8.md', 'Windows 8; Windows Server 2012'),
 ('win8.1', 'tls-cipher-suites-in-windows-8-1.md', 'Windows 8.1; Windows Server 2012 R2'),
 ('win10-1507', 'tls-cipher-suites-in-windows-10--version-1507.md', 'Windows 10 1507'),
 ('win10-1511', 'tls-cipher-suites-in-windows-10-v1511.md', 'Windows 10 1511'),
 ('win10-1607', 'tls-cipher-suites-in-windows-10-v1607.md', 'Windows 10 1607; Windows Server 2016'),
 ('win10-1703', 'tls-cipher-suites-in-windows-10-v1703.md', 'Windows 10 1703'),
 ('win10-1709', 'tls-cipher-suites-in-windows-10-v1709.md', 'Windows 10 1709'),
 ('win10-1803', 'tls-cipher-suites-in-windows-10-v1803.md', 'Windows 10 1803'),
 ('win10-1809', 'tls-cipher-suites-in-windows-10-v1809.md', 'Windows 10 1809; Windows Server 2019'),
 ('win10-1903', 'tls-cipher-suites-in-windows-10-v1903.md', 'Windows 10 1903, 1909, 2004'),
 ('win10-20h2', 'tls-cipher-suites-in-windows-10-v20H2.md', 'Windows 10 20H2, 21H1, 21H2'),
 ('win10-22h2', 'tls-cipher-suites-in-windows-10-v22H2.md', 'Windows 10 22H2'),
 ('win11', 'tls-cipher-suites-in-windows-11.md', 'Windows 11 (21H2)'),
 ('win11-22h2', 'tls-cipher-suites-in-windows-11-v22H2.md', 'Windows 11 22H2 and later'),
 ('server2022', 'tls-cipher-suites-in-windows-server-2022.md', 'Windows Server 2022'),
 ('server2025', 'tls-cipher-suites-in-windows-server-2025.md', 'Windows Server 2025 and later'),
]
EXPLICIT = 'Only used when application explicitly requests.'
def clean(s):
    return s.replace('\\_', '_').replace('**', '').strip()

def url(fname):
    return 'https://learn.microsoft.com/en-us/windows/win32/secauthn/' + fname[:-3].lower()

out = []
for key, fname, covers in PAGES:
    lines = open(os.path.join(SRC, fname), encoding='utf-8').read().splitlines()
    ctx = None; hdr = None; pos = 0; kind = None
    s2022_not_default = set()
    for ln in lines:
        m = re.search(r'not enabled by default in Windows Server 2022 23H2 and later: (.*?)\. These', ln)
        if m:
            s2022_not_default = set(clean(x) for x in m.group(1).replace(' and ', ', ').split(','))
    for i, ln in enumerate(lines):
        if not ln.startswith('|'):
            t = ln.strip()
            if t:
                if 'PSK cipher suites are enabled and in this priority order' in t: kind = 'psk'
                elif 'enabled and in this priority order' in t or 'listed in the default order' in t: kind = 'default'
                elif 'but not enabled by default' in t: kind = 'supported'
                elif 'not present by default' in t: kind = 'vista_notpresent'
                elif t.startswith('**Windows Server 2003'): kind = None
            hdr = None
            if kind == 'vista_notpresent' and t.startswith('- '):
                name = clean(t[2:])
                out.append(dict(os_page=key, position='', suite=name, enabled_by_default='no', protocols='',
                                fips='', notes='Vista page: bulleted list "supported by Schannel; however, they are not present by default. They must be added as necessary." (no protocol column)',
                                strong_crypto='', table='not_present_list'))
            continue
        cells = [c.strip() for c in ln.strip().strip('|').split('|')]
        if hdr is None:
            hdr = [clean(c) for c in cells]; pos = 0; continue
        if set(''.join(cells)) <= set('-: '): continue
        if kind is None or kind == 'vista_notpresent': continue
        row = dict(zip(hdr, cells))
        raw = row.get('Cipher suite string') or row.get('Cipher suite')
        notes = []
        if EXPLICIT in raw:
            notes.append('page: "Only used when application explicitly requests."')
            raw = raw.replace(EXPLICIT, '')
        raw = raw.replace('<br/>', ' ')
        name = clean(raw).split()[0]
        proto = clean(row.get('TLS/SSL Protocol versions') or row.get('TLS/SSL Protocol Versions') or row.get('Protocols'))
        strong = clean(row.get('Allowed by SCH_USE_STRONG_CRYPTO', ''))
        fips = clean(row.get('FIPS mode enabled', '')).lower()
        if key == 'vista':
            notes.append('Vista page columns: Exchange=%s Encryption=%s Hash=%s' % (clean(row['Exchange']), clean(row['Encryption']) or '(none)', clean(row['Hash'])))
        if kind == 'default':
            pos += 1; position = str(pos); en = 'yes'
        elif kind == 'psk':
            pos += 1; position = ''; en = 'no'
            notes.append('PSK table headed "PSK cipher suites are enabled and in this priority order by default" (PSK order %d) but page note says "No PSK cipher suites are enabled by default"; app must request SCH_USE_PRESHAREDKEY_ONLY' % pos)
        else:
            position = ''; en = 'no'
        if key == 'server2022' and name in s2022_not_default:
            notes.append('page note: not enabled by default in Windows Server 2022 23H2 and later; still supported, must be explicitly enabled')
        out.append(dict(os_page=key, position=position, suite=name, enabled_by_default=en, protocols=proto,
                        fips=fips, notes='; '.join(notes), strong_crypto=strong.lower(),
                        table={'default':'enabled_default_order','supported':'supported_not_default','psk':'psk'}[kind]))
    for r in out:
        if r['os_page'] == key:
            r['source_url'] = url(fname); r['covers'] = covers
            r['md_path'] = 'MicrosoftDocs/win32:desktop-src/SecAuthN/' + fname + ('@' + COMMIT if COMMIT else '')
vdef={r['suite'] for r in out if r['os_page']=='vista' and r['table']=='enabled_default_order'}
vnp={r['suite'] for r in out if r['os_page']=='vista' and r['table']=='not_present_list'}
for r in out:
    if r['os_page']=='vista' and r['suite'] in vdef & vnp:
        r['notes']=(r['notes']+'; ' if r['notes'] else '')+'CONTRADICTION on Vista page: listed both in the default-order table and in the not-present-by-default list'
    if r['os_page']=='vista' and r['table']=='enabled_default_order' and 'TLS 1.1' in r['protocols']:
        r['notes']=(r['notes']+'; ' if r['notes'] else '')+'page says TLS 1.2/1.1 but protocols page says Vista/2008 does not support TLS 1.1/1.2 (its Server 2008 SP2 row says TLS 1.1/1.2 Disabled)'
cols = ['os_page','position','suite','enabled_by_default','protocols','fips','notes','source_url','strong_crypto','table','covers','md_path']
with open('/tmp/issue20/suites.tsv','w', encoding='utf-8') as f:
    f.write('\t'.join(cols) + '\n')
    for r in out:
        f.write('\t'.join(r[c].replace('\t',' ') for c in cols) + '\n')
print(len(out), 'rows')
