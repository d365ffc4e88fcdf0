#!/bin/bash
# The cipher-suite facts (src/os-suites*.c, issue 20) against the research
# they come from (docs/research/cipher-suites), read here with awk rather
# than with the generator, through the tests/suites-dump driver.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

dump=$builddir/tests/suites-dump
research=$srcdir/docs/research/cipher-suites
tsv=$research/suites.tsv
check "the driver is built (make check builds it)" [ -x "$dump" ]

# 1. Every page's lists, in order, against suites.tsv. The TSV's decisions
# the C tables follow (os-suites-data.c's header): PSK rows are never
# default; Vista's suites that are also in its "not present by default"
# list are not default; "others" are the supported-not-default rows, then
# PSK, then the not-present list, each in the page's order.
"$dump" pages >"$WORK/pages.got"
awk -F'\t' 'NR == 1 { next }
	{ page[NR] = $1; suite[NR] = $3; table[NR] = $10; last = NR }
	$10 == "not_present_list" { absent[$1 SUBSEP $3] = 1 }
	END {
		split("enabled_default_order supported_not_default psk not_present_list", order, " ")
		for (i = 2; i <= last; i++) if (!(page[i] in seen)) { seen[page[i]] = 1; pages[++np] = page[i] }
		for (k = 1; k <= np; k++) {
			d = 0; o = 0
			for (i = 2; i <= last; i++)
				if (page[i] == pages[k] && table[i] == "enabled_default_order" &&
				    !((page[i] SUBSEP suite[i]) in absent))
					printf "%s\t%d\t%s\tdefault\n", pages[k], ++d, suite[i]
			for (t = 2; t <= 4; t++)
				for (i = 2; i <= last; i++)
					if (page[i] == pages[k] && table[i] == order[t])
						printf "%s\t%d\t%s\tother\n", pages[k], ++o, suite[i]
		}
	}' "$tsv" >"$WORK/pages.want"
check_eq "the pages' lists are suites.tsv's ($(wc -l <"$WORK/pages.want") rows)" \
	"$(diff "$WORK/pages.want" "$WORK/pages.got")" ""
check_eq "18 pages" "$(cut -f1 "$WORK/pages.got" | uniq | wc -l)" 18
check_eq "845 rows: the 847 of suites.tsv, Vista's two NULL suites once" "$(wc -l <"$WORK/pages.got")" 845
check_eq "no suite twice in a page's defaults" \
	"$(awk -F'\t' '$4 == "default" { print $1, $3 }' "$WORK/pages.got" | sort | uniq -d)" ""
check_eq "no suite both default and other on a page" \
	"$(awk -F'\t' '{ print $1, $3 }' "$WORK/pages.got" | sort | uniq -d)" ""
check_eq "no PSK suite is a default" "$(awk -F'\t' '$4 == "default" && $3 ~ /_PSK_/' "$WORK/pages.got")" ""
check_eq "Vista's NULL suites are others" \
	"$(awk -F'\t' '$1 == "vista" && $3 ~ /_NULL_/ { print $3, $4 }' "$WORK/pages.got" | sort | paste -sd,)" \
	"TLS_RSA_WITH_NULL_MD5 other,TLS_RSA_WITH_NULL_SHA other"
check_eq "Vista has 22 defaults" "$(awk -F'\t' '$1 == "vista" && $4 == "default"' "$WORK/pages.got" | wc -l)" 22
check_eq "Windows 10 22H2's first default" \
	"$(awk -F'\t' '$1 == "win10-22h2" && $2 == 1 && $4 == "default" { print $3 }' "$WORK/pages.got")" \
	"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
check_eq "both spellings of the SSL 2.0 export kind are kept" \
	"$(grep -c 'SSL_CK_RC4_128_EXPORT40' "$WORK/pages.got")" 6

# 2. The suites: every TSV name is found (in any case), and each suite's
# protocols are the pages' (every page agrees on a suite's).
cut -f3 "$tsv" | sed 1d | sort -u >"$WORK/names"
check_eq "81 suite names in suites.tsv" "$(wc -l <"$WORK/names")" 81
check_eq "cs_suite_find finds every name" "$("$dump" find <"$WORK/names")" "$(cat "$WORK/names")"
check_eq "... in lower case too" "$(tr A-Z a-z <"$WORK/names" | "$dump" find)" "$(cat "$WORK/names")"
check_eq "and no other" "$(printf 'TLS_RSA_WITH_AES_128_CBC\n\nTLS_FOO\n' | "$dump" find | paste -sd,)" "-,-,-"
"$dump" suites >"$WORK/suites"
check_eq "the table has the 81 suites" "$(cut -f1 "$WORK/suites" | sort)" "$(cat "$WORK/names")"
awk -F'\t' 'NR > 1 && $5 != "" { print $3 "\t" $5 }' "$tsv" | sort -u >"$WORK/protos.want"
check_eq "each suite's protocols are the pages'" \
	"$(cut -f1,2 "$WORK/suites" | grep -v '^SSL_CK_RC4_128_EXPORT40_MD5' | sort)" "$(cat "$WORK/protos.want")"
check_eq "Vista's SSL 2.0 export spelling is SSL 2.0" \
	"$(grep '^SSL_CK_RC4_128_EXPORT40_MD5' "$WORK/suites" | cut -f2)" "SSL 2.0"

# 3. The legacy switches of each suite against suites-parse.md's table
# (Ciphers, Hashes, KeyExchangeAlgorithms columns; "*" marks the inference,
# a parenthesis a comment, "not documented"/"none" is none).
awk -F'|' '$2 ~ /^ `(TLS|SSL)_/ && NF == 13 {
	name = $2; gsub(/[ `]/, "", name)
	out = name
	for (c = 9; c <= 11; c++) {
		v = $c; sub(/\*[ ]*$/, "", v); sub(/^ +/, "", v); sub(/ +$/, "", v)
		sub(/ \(.*\)$/, "", v)
		if (v ~ /^not documented/ || v ~ /^\(none/) v = "-"
		out = out "\t" v
	}
	print out }' "$research/suites-parse.md" | sort >"$WORK/keys.want"
check_eq "suites-parse.md has 81 rows" "$(wc -l <"$WORK/keys.want")" 81
check_eq "Ciphers, Hashes and KeyExchangeAlgorithms keys are suites-parse.md's" \
	"$(cut -f1,5,6,7 "$WORK/suites" | sort)" "$(cat "$WORK/keys.want")"
"$dump" keys >"$WORK/keys"
known() { awk -F'\t' -v k="$1" '$1 == k { print $2 }' "$WORK/keys"; }
used() { cut -f"$1" "$WORK/suites" | grep -vx -- - | sort -u; }
check_eq "every suite's Ciphers key is in cs_cipher_keys" "$(comm -23 <(used 5) <(known cipher | sort))" ""
check_eq "every Hashes key is in cs_hash_keys" "$(comm -23 <(used 6) <(known hash | sort))" ""
check_eq "every KeyExchangeAlgorithms key is in cs_kx_keys" "$(comm -23 <(used 7) <(known kx | sort))" ""
check_eq "the Vista+ Triple DES spelling" "$(known cipher | grep Triple)" "Triple DES 168"
check_eq "the hash and key exchange keys" "$(known hash | paste -sd,) $(known kx | paste -sd,)" \
	"MD5,SHA,SHA256,SHA384,SHA512 PKCS,Diffie-Hellman,ECDH"
check_eq "TLS 1.3 suites: no key exchange, no switch" \
	"$(grep -E '^TLS_(AES|CHACHA20)' "$WORK/suites" | cut -f3-7 | sort -u)" "$(printf 'none\tnone\t-\t-\t-')"
check_eq "the curve suffix" \
	"$(grep -E '^TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(_P521)?	' "$WORK/suites" | cut -f1,8,9,10 | sort | paste -sd' ')" \
	"TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384	1	0	AES-256-GCM TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384_P521	1	521	AES-256-GCM"

# 4. Targets: every os.c target has pages whose builds meet its own.
"$dump" targets >"$WORK/targets"
check_eq "every target has a page" "$(awk -F'\t' '$2 == 0' "$WORK/targets")" ""
check_eq "every page of a target meets its builds" "$(grep -c misses "$WORK/targets")" 0
check_eq "Windows 10: the 8 pages 1607 to 22H2" "$(grep '^win10	' "$WORK/targets" | cut -f2,3,10)" \
	"$(printf '8\twin10-1607:meets\twin10-22h2:meets')"
check_eq "Windows 11: 21H2 and 22H2-and-later" "$(grep '^win11	' "$WORK/targets" | cut -f2-)" \
	"$(printf '2\twin11:meets\twin11-22h2:meets')"
check_eq "the servers' pages" \
	"$(grep '^server' "$WORK/targets" | cut -f1,3 | sed 's/:meets//' | paste -sd' ')" \
	"$(printf 'server2008\tvista server2008r2\twin7 server2012\twin8 server2012r2\twin8.1 server2016\twin10-1607 server2019\twin10-1809 server2022\tserver2022 server2025\tserver2025')"

# 5. Curves: each page's lists against curves.tsv; none before Windows 10.
"$dump" curves >"$WORK/curves"
cdef() { awk -F'\t' -v p="$1" '$1 == p && $4 == "yes" { print $3 }' "$research/curves.tsv" | paste -sd' '; }
pdef() { awk -F'\t' -v p="$1" '$1 == p && $2 == "default" { print $3 }' "$WORK/curves" | paste -sd' '; }
check_eq "1507's default curves" "$(pdef win10-1507)" "$(cdef win10-1507-1511)"
check_eq "1607's default curves" "$(pdef win10-1607)" "$(cdef win10-1607-and-later)"
check_eq "Server 2025's default groups" "$(pdef server2025)" "$(cdef win11-24h2-and-later+server2025)"
check_eq "no curves before Windows 10" "$(grep -cE '^(vista|win7|win8|win8\.1)	' "$WORK/curves")" 0
check_eq "1607's curves are its page's, once each" \
	"$(awk -F'\t' '$1 == "win10-1703" && $2 == "supported" { print $3 }' "$WORK/curves" | sort -f)" \
	"$(awk -F'\t' '$1 == "win10-1607-and-later" { print $3 }' "$research/curves.tsv" | sort -f)"
check_eq "Server 2025's groups, once each" \
	"$(awk -F'\t' '$1 == "server2025" && $2 == "supported" { print $3 }' "$WORK/curves" | sort -f)" \
	"$(awk -F'\t' '$1 ~ /^win11-24h2/ { print $3 }' "$research/curves.tsv" | sort -fu)"
check_eq "cs_curve_find ignores case, answers the first spelling" \
	"$(printf 'nistp256\nNISTP521\nCurve25519\nX25519_MLKEM768\nP256\n' | "$dump" curve | paste -sd,)" \
	"NistP256,nistP521,curve25519,x25519_mlkem768,-"
check_eq "every curve name of curves.tsv is found" \
	"$(cut -f3 "$research/curves.tsv" | sed 1d | "$dump" curve | grep -c -- '^-$')" 0
check_eq "has-curve on 1607: NISTP384 yes, ML-KEM no" \
	"$(printf 'NISTP384\nx25519_mlkem768\n' | "$dump" has-curve win10-1607 | paste -sd,)" "1,0"
check_eq "has-curve on Server 2025: ML-KEM yes" \
	"$(printf 'x25519_mlkem768\n' | "$dump" has-curve server2025)" 1
check_eq "has-curve before Windows 10: none" \
	"$(printf 'NistP256\n' | "$dump" has-curve win8.1)" 0

done_testing
