#!/usr/bin/env python3
"""Writes src/os-suites-data.c: tlsgpo's cipher-suite and curve tables.

Reads suites.tsv and curves.tsv (next to this tools/ directory) and checks
its own decomposition of each suite name against suites-parse.md's table.
Run from anywhere: python3 docs/research/cipher-suites/tools/gen_os_suites.py
(writes the file in place; --stdout prints it instead).
"""
import csv
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
RESEARCH = os.path.dirname(HERE)
TOP = os.path.dirname(os.path.dirname(os.path.dirname(RESEARCH)))
OUT = os.path.join(TOP, 'src', 'os-suites-data.c')

# The pages in the order of Microsoft's index ("Cipher Suites in TLS/SSL
# (Schannel SSP)"): tag, builds and the source of the builds, display name.
PAGES = [
    ('vista', 6002, 6003, 'BUILDS', 'Windows Vista, Windows Server 2008'),
    ('win7', 7601, 7601, 'BUILDS', 'Windows 7, Windows Server 2008 R2'),
    ('win8', 9200, 9200, 'BUILDS', 'Windows 8, Windows Server 2012'),
    ('win8.1', 9600, 9600, 'BUILDS', 'Windows 8.1, Windows Server 2012 R2'),
    ('win10-1507', 10240, 10240, 'RELINFO10', 'Windows 10 1507'),
    ('win10-1511', 10586, 10586, 'RELINFO10', 'Windows 10 1511'),
    ('win10-1607', 14393, 14393, 'RELINFO10', 'Windows 10 1607, Windows Server 2016'),
    ('win10-1703', 15063, 15063, 'RELINFO10', 'Windows 10 1703'),
    ('win10-1709', 16299, 16299, 'RELINFO10', 'Windows 10 1709'),
    ('win10-1803', 17134, 17134, 'RELINFO10', 'Windows 10 1803'),
    ('win10-1809', 17763, 17763, 'RELINFO10', 'Windows 10 1809, Windows Server 2019'),
    ('win10-1903', 18362, 19041, 'RELINFO10', 'Windows 10 1903, 1909, 2004'),
    ('win10-20h2', 19042, 19044, 'RELINFO10', 'Windows 10 20H2, 21H1, 21H2'),
    ('win10-22h2', 19045, 19045, 'RELINFO10', 'Windows 10 22H2'),
    ('win11', 22000, 22000, 'RELINFO11', 'Windows 11 21H2'),
    ('win11-22h2', 22621, 0x7fffffff, 'RELINFO11', 'Windows 11 22H2 and later'),
    ('server2022', 20348, 20348, 'BUILDS', 'Windows Server 2022'),
    ('server2025', 26100, 26100, 'BUILDS', 'Windows Server 2025'),
]

# Which curve page covers a cipher page's first build (None: no EccCurves
# before Windows 10).
CURVE_PAGE = {
    'win10-1507': 'win10-1507-1511', 'win10-1511': 'win10-1507-1511',
    'win11-22h2': 'win10-1607-and-later',
    'server2025': 'win11-24h2-and-later+server2025',
}
for p in ('1607', '1703', '1709', '1803', '1809', '1903', '20h2', '22h2'):
    CURVE_PAGE['win10-' + p] = 'win10-1607-and-later'
CURVE_PAGE['win11'] = CURVE_PAGE['server2022'] = 'win10-1607-and-later'
CURVE_TAG = {'win10-1507-1511': 'EC-1507', 'win10-1607-and-later': 'EC-1607',
    'win11-24h2-and-later+server2025': 'GROUPS-24H2'}
CURVE_C = {'win10-1507-1511': 'ec_1507', 'win10-1607-and-later': 'ec_1607',
    'win11-24h2-and-later+server2025': 'groups_24h2'}

# Name elements -> (Ciphers key, display cipher, AEAD); the rules of
# suites-parse.md ("Legacy switch mapping rules used below").
CIPHERS = {
    'AES_128_GCM': ('AES 128/128', 'AES-128-GCM', 1),
    'AES_256_GCM': ('AES 256/256', 'AES-256-GCM', 1),
    'AES_128_CBC': ('AES 128/128', 'AES-128-CBC', 0),
    'AES_256_CBC': ('AES 256/256', 'AES-256-CBC', 0),
    '3DES_EDE_CBC': ('Triple DES 168', '3DES', 0),
    'DES_CBC': ('DES 56/56', 'DES', 0),
    'RC4_128': ('RC4 128/128', 'RC4-128', 0),
    'RC4_56': ('RC4 56/128', 'RC4-56', 0),
    'RC4_40': ('RC4 40/128', 'RC4-40', 0),
    'NULL': ('NULL', 'NULL', 0),
    'CHACHA20_POLY1305': (None, 'ChaCha20-Poly1305', 1),
}
KX = {  # kx, auth, KeyExchangeAlgorithms key
    'RSA': ('RSA', 'RSA', 'PKCS'), 'RSA_EXPORT': ('RSA', 'RSA', 'PKCS'),
    'RSA_EXPORT1024': ('RSA', 'RSA', 'PKCS'),
    'DHE_RSA': ('DHE', 'RSA', 'Diffie-Hellman'),
    'DHE_DSS': ('DHE', 'DSS', 'Diffie-Hellman'),
    'DHE_DSS_EXPORT1024': ('DHE', 'DSS', 'Diffie-Hellman'),
    'ECDHE_RSA': ('ECDHE', 'RSA', 'ECDH'),
    'ECDHE_ECDSA': ('ECDHE', 'ECDSA', 'ECDH'),
    'PSK': ('PSK', 'PSK', None),
}
HASHES = {'SHA': 'SHA', 'SHA256': 'SHA256', 'SHA384': 'SHA384', 'MD5': 'MD5'}
# SSL 2.0 cipher kinds: RSA key exchange, MD5 (suites-parse.md).
SSL2 = {
    'SSL_CK_RC4_128_WITH_MD5': 'RC4_128',
    'SSL_CK_DES_192_EDE3_CBC_WITH_MD5': '3DES_EDE_CBC',
    'SSL_CK_DES_64_CBC_WITH_MD5': 'DES_CBC',
    'SSL_CK_RC4_128_EXPORT40_WITH_MD5': 'RC4_40',
    'SSL_CK_RC4_128_EXPORT40_MD5': 'RC4_40',
}
PROTOS = {
    'SSL 2.0': 'PR_SSL2', 'TLS 1.3': 'PR_TLS13', 'TLS 1.2': 'PR_TLS12',
    'TLS 1.2, TLS 1.1, TLS 1.0': 'PR_TLS10_12',
    'TLS 1.2, TLS 1.1, TLS 1.0, SSL 3.0': 'PR_SSL3_TLS12',
}


def decompose(name):
    """(kx, auth, cipher key, hash key, kx key, aead, curve, display)."""
    curve = 0
    m = re.match(r'(.*)_P(256|384|521)$', name)
    base = name
    if m:
        base, curve = m.group(1), int(m.group(2))
    if base in SSL2:
        key, disp, aead = CIPHERS[SSL2[base]]
        return ('RSA', 'RSA', key, 'MD5', 'PKCS', aead, curve, disp)
    m = re.match(r'TLS_(AES_128_GCM|AES_256_GCM|CHACHA20_POLY1305)_(SHA256|SHA384)$', base)
    if m:   # TLS 1.3: no legacy switch documented for any of them
        return ('NONE', 'NONE', None, None, None, 1, curve,
            CIPHERS[m.group(1)][1])
    m = re.match(r'TLS_(.+)_WITH_(.+)_(SHA|SHA256|SHA384|MD5)$', base)
    if not m or m.group(1) not in KX or m.group(2) not in CIPHERS:
        sys.exit('cannot decompose ' + name)
    kx, auth, kxkey = KX[m.group(1)]
    key, disp, aead = CIPHERS[m.group(2)]
    return (kx, auth, key, HASHES[m.group(3)], kxkey, aead, curve, disp)


def parse_md_table():
    """suites-parse.md's per-suite table: name -> (Ciphers, Hashes, KX)."""
    out = {}
    for line in open(os.path.join(RESEARCH, 'suites-parse.md')):
        cells = [c.strip() for c in line.split('|')]
        if len(cells) < 12 or not cells[1].startswith('`'):
            continue
        name = cells[1].strip('`')
        if not re.match(r'(TLS|SSL)_', name) or cells[2] in ('kx',):
            continue
        if len(cells) != 13:
            continue

        def key(c):
            c = c.rstrip('*').strip()
            if c.startswith('not documented') or c.startswith('(none'):
                return None
            return re.sub(r' \(.*\)$', '', c)
        out[name] = (key(cells[8]), key(cells[9]), key(cells[10]))
    return out


def cstr(s):
    return 'NULL' if s is None else '"%s"' % s


def load():
    rows = list(csv.DictReader(open(os.path.join(RESEARCH, 'suites.tsv')),
        delimiter='\t'))
    curves = list(csv.DictReader(open(os.path.join(RESEARCH, 'curves.tsv')),
        delimiter='\t'))
    return rows, curves


def suites_of(rows):
    protos = {}
    for r in rows:
        if r['protocols']:
            p = protos.setdefault(r['suite'], r['protocols'])
            if p != r['protocols']:
                sys.exit('protocols differ for ' + r['suite'])
    names = sorted({r['suite'] for r in rows})
    # Vista's spelling of the SSL 2.0 kind has no protocol column (it is
    # only in the "not present by default" list): SSL 2.0 like the
    # Win7..1511 spelling of the same kind.
    protos.setdefault('SSL_CK_RC4_128_EXPORT40_MD5', 'SSL 2.0')
    return names, protos


def page_lists(rows, page):
    """(defaults, others) of one page, in the page's order."""
    mine = [r for r in rows if r['os_page'] == page]
    absent = {r['suite'] for r in mine if r['table'] == 'not_present_list'}
    defaults = [r['suite'] for r in mine
        if r['table'] == 'enabled_default_order' and r['suite'] not in absent]
    others = [r['suite'] for r in mine if r['table'] == 'supported_not_default']
    others += [r['suite'] for r in mine if r['table'] == 'psk']
    others += [r['suite'] for r in mine if r['table'] == 'not_present_list']
    assert len(set(defaults)) == len(defaults), page
    assert not set(defaults) & set(others), page
    return defaults, others


HEADER = '''/*
 * Generated by docs/research/cipher-suites/tools/gen_os_suites.py from
 * that directory's suites.tsv and curves.tsv: edit the research or the
 * generator and run it again, not this file. src/os-suites.c has the
 * functions and the hand-written tables; suites.h the declarations.
 *
 * Sources: the Microsoft Learn pages "TLS Cipher Suites in Windows ...",
 * learn.microsoft.com/en-us/windows/win32/secauthn/PAGE (as in each
 * cs_pages row; MicrosoftDocs/win32 desktop-src/SecAuthN/PAGE.md at
 * commit 47e64c189dcb1c1a42c221380ccf0ec81cc82d4b), tagged [CS-ID] with the
 * row's id: each page's default order and its "supported ... but not
 * enabled by default" and PSK tables, and each suite's protocols. The
 * curve pages: [EC-1507] tls-elliptic-curves-in-windows-10-1507-and-1511,
 * [EC-1607] tls-elliptic-curves-in-windows-10-1607-and-later, [GROUPS-24H2]
 * tls-supported-groups-in-windows-11-24h2-and-later (same site). Builds:
 * [BUILDS] as in os.c; [RELINFO10] "Windows 10 release information" and
 * [RELINFO11] "Windows 11 release information",
 * learn.microsoft.com/windows/release-health/release-information and
 * .../windows11-release-information (the OS build of each version).
 *
 * A suite's kx, auth, cipher, hash and key names are read from its name
 * by the rules of docs/research/cipher-suites/suites-parse.md (Microsoft
 * publishes no suite-to-switch table for Vista and later; the key names
 * are os-suites.c's cs_cipher_keys, from [KB245030] and [SFBTLS] there).
 * That is an inference for every row; in particular the Hashes key of an
 * AEAD suite is the hash its name ends with (SHA256, SHA384), whose effect
 * on GCM Microsoft does not document; TLS 1.3, ChaCha20-Poly1305 and PSK
 * suites have no documented switch (NULL).
 *
 * Where the sources disagree (SUMMARY.md, "Contradictions"):
 * - The PSK tables are headed "enabled and in this priority order by
 *   default" but each page says "No PSK cipher suites are enabled by
 *   default": they are never defaults here; "others" lists them after the
 *   supported-not-default table, in their table's order.
 * - [CS-VISTA] lists TLS_RSA_WITH_NULL_MD5 and TLS_RSA_WITH_NULL_SHA in its
 *   default order and in its "not present by default" list: not default
 *   here (the page's other list, and NULL ciphers are off by default per
 *   [KB245030]); that list is Vista's "others".
 * - [CS-VISTA] gives TLS 1.1 and 1.2 for its suites, which Vista and
 *   Server 2008 have only with an update, off by default: the protocols
 *   are kept as the pages say (every page agrees on each suite's); which
 *   protocols a Windows has is os.c's fact.
 * - [CS-VISTA] spells SSL_CK_RC4_128_EXPORT40_MD5, the later pages
 *   SSL_CK_RC4_128_EXPORT40_WITH_MD5: each page's spelling is kept as its
 *   own suite (a Functions list names the string the page names); the
 *   Vista spelling's protocol, SSL 2.0, is the other spelling's.
 * - [CS-SERVER2022] notes that 23H2 and later no longer enable
 *   TLS_RSA_WITH_3DES_EDE_CBC_SHA and TLS_DHE_RSA_WITH_AES_*_GCM_*: its
 *   row is 20348's table as published (23H2 is no target).
 * - Curve names: the pages write NistP256/NistP384 and nistP192/nistP521,
 *   [GROUPS-24H2] nistP256: each page's lists keep its spelling;
 *   cs_curve_names[] (what cs_curve_find answers) keeps the first page's.
 *   [GROUPS-24H2] lists curve25519 twice; it counts once.
 * - Build 26100 is both Windows 11 24H2 (the win11-22h2 page, "22H2 and
 *   later") and Server 2025: os-suites.c picks the page by target. A
 *   page's curves are those of the curve page that covers its first build:
 *   win11-22h2 has [EC-1607]'s (22621), server2025 [GROUPS-24H2]'s, with
 *   the ML-KEM groups, which [GROUPS-24H2] says are off by default and
 *   need 26100.8514 (client) or 29550 (server) Insider builds.
 */
'''


def emit(rows, curves):
    names, protos = suites_of(rows)
    md = parse_md_table()
    o = [HEADER, '#include "config.h"\n\n#include <stddef.h>\n\n#include "suites.h"\n']
    o.append('#define P(x)\t\t(1U << PROTO_##x)\n'
        '#define PR_SSL2\t\tP(SSL2)\n#define PR_TLS12\tP(TLS12)\n'
        '#define PR_TLS13\tP(TLS13)\n'
        '#define PR_TLS10_12\t(P(TLS10) | P(TLS11) | P(TLS12))\n'
        '#define PR_SSL3_TLS12\t(P(SSL3) | PR_TLS10_12)\n')
    o.append('/* The suites, by name; the pages\' lists name them by these. */\nenum {')
    for n in names:
        o.append('\tS_%s,' % n)
    o.append('\tS_COUNT\n};\n')
    o.append('/*\n * Each suite\'s protocols are those of the [CS-ID] pages named above it\n'
        ' * (runs of cs_pages: "win10-1507..win11" is 1507 to Windows 11 21H2).\n */')
    o.append('const struct cs_suite cs_suites[] = {')
    for n in names:
        kx, auth, ck, hk, kk, aead, curve, disp = decompose(n)
        if n in md and md[n] != (ck, hk, kk):
            sys.exit('%s: %r here, %r in suites-parse.md' % (n, (ck, hk, kk), md[n]))
        if n not in md:
            sys.exit(n + ' is not in suites-parse.md')
        o.append('\t/* %s */' % page_runs(rows, n))
        o.append('\t[S_%s] = {\n\t    "%s",\n\t    %s, CS_KX_%s, CS_AUTH_%s,\n\t    %s, %s, %s, %d, %d, "%s" },'
            % (n, n, PROTOS[protos[n]], kx, auth, cstr(ck), cstr(hk), cstr(kk), aead, curve, disp))
    o.append('};\nconst size_t cs_suite_count = S_COUNT;\n')
    o += emit_curves(curves)
    o += emit_pages(rows)
    return '\n'.join(o) + '\n'


def page_runs(rows, name):
    """The pages that list a suite, runs of cs_pages written 'a..b'."""
    ids = [p[0] for p in PAGES]
    has = [any(r['suite'] == name and r['os_page'] == i for r in rows) for i in ids]
    runs, i = [], 0
    while i < len(ids):
        if not has[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(ids) and has[j + 1]:
            j += 1
        runs.append(ids[i] if i == j else ids[i] + '..' + ids[j])
        i = j + 1
    return ' '.join(runs)


def wrap_strings(names):
    """Quoted names with commas, as lines of at most 72 columns."""
    lines, cur = [], ''
    for n in names:
        w = '"%s",' % n
        if cur and len(cur) + 1 + len(w) > 64:
            lines.append('\t' + cur)
            cur = ''
        cur = (cur + ' ' + w) if cur else w
    if cur:
        lines.append('\t' + cur)
    return lines


def emit_curves(curves):
    o = []
    canon = {}
    for cp in CURVE_C:
        for r in curves:
            if r['page'] == cp:
                canon.setdefault(r['name'].lower(), r['name'])
    for cp, c in CURVE_C.items():
        mine = [r for r in curves if r['page'] == cp]
        dflt = [r['name'] for r in mine if r['enabled_by_default'] == 'yes']
        seen, sup = set(), []
        for r in [r for r in mine if r['enabled_by_default'] == 'yes'] + \
                [r for r in mine if r['enabled_by_default'] != 'yes']:
            if r['name'].lower() not in seen:
                seen.add(r['name'].lower())
                sup.append(r['name'])
        o.append('/* [%s]: the default order, then every name it lists. */' % CURVE_TAG[cp])
        o.append('static const char *const %s_default[] = {\n\t%s,\n\tNULL\n};'
            % (c, ', '.join('"%s"' % n for n in dflt)))
        o.append('static const char *const %s_supported[] = {' % c)
        o += wrap_strings(sup)
        o.append('\tNULL\n};\n')
    o.append('/* Every curve name of [EC-1507] [EC-1607] [GROUPS-24H2], in the first\n'
        ' * spelling met (case aside, the pages agree on each name). */')
    o.append('const char *const cs_curve_names[] = {')
    vals = list(canon.values())
    o += wrap_strings(vals)
    o.append('\tNULL\n};\n')
    return o


def emit_pages(rows):
    o = []
    for pid, _, _, _, _ in PAGES:
        c = 'p_' + re.sub(r'[^a-z0-9]', '_', pid)
        d, oth = page_lists(rows, pid)
        o.append('/* [CS-%s] */' % pid.upper())
        o.append('static const unsigned short %s_defaults[] = {' % c)
        o += ['\tS_%s,' % n for n in d]
        o.append('\tCS_END\n};')
        o.append('static const unsigned short %s_others[] = {' % c)
        o += ['\tS_%s,' % n for n in oth]
        o.append('\tCS_END\n};\n')
    o.append('const struct cs_page cs_pages[] = {')
    url = {r['os_page']: r['source_url'] for r in rows}
    for pid, bmin, bmax, btag, disp in PAGES:
        c = 'p_' + re.sub(r'[^a-z0-9]', '_', pid)
        cp = CURVE_PAGE.get(pid)
        ctags = ' [%s]' % CURVE_TAG[cp] if cp else ''
        o.append('\t/* [CS-%s]%s [%s] */' % (pid.upper(), ctags, btag))
        bm = '0x7fffffff' if bmax == 0x7fffffff else str(bmax)
        curv = ('%s_default, %s_supported' % (CURVE_C[cp], CURVE_C[cp])) if cp else 'NULL, NULL'
        page = url[pid].rsplit('/', 1)[1]
        o.append('\t{ "%s", "%s",\n\t    CS_URL "%s",\n\t    %d, %s, %s_defaults, %s_others,\n\t    %s },'
            % (pid, disp, page, bmin, bm, c, c, curv))
    o.append('};\nconst size_t cs_page_count = sizeof cs_pages / sizeof cs_pages[0];')
    return o


def main():
    rows, curves = load()
    for r in rows:
        assert r['source_url'].startswith(
            'https://learn.microsoft.com/en-us/windows/win32/secauthn/'), r
    text = emit(rows, curves)
    text = text.replace('#include "suites.h"\n',
        '#include "suites.h"\n\n#define CS_URL\t"https://learn.microsoft.com/en-us/windows/win32/secauthn/"\n', 1)
    if '--stdout' in sys.argv:
        sys.stdout.write(text)
    else:
        with open(OUT, 'w') as f:
            f.write(text)


if __name__ == '__main__':
    main()
