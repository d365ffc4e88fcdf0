/*
 * The words of the ADML files, per locale: en-US, and zh-TW and sv-SE,
 * the languages of the seeds (Microsoft's TLS 1.2 guidance). Each explain
 * text is built from these parts by emit-adml.c.
 */
#ifndef TLSGPO_ADMX_TEXT_H
#define TLSGPO_ADMX_TEXT_H

struct admx_text {
	const char	*locale;
	const char	*cat_tls;		/* the category under the vendor */
	const char	*winhttp;		/* policy display names */
	const char	*wininet;
	const char	*strong_crypto;
	const char	*system_tls;
	const char	*schannel;		/* "SCHANNEL: %s %s" */
	const char	*client;
	const char	*server;
	const char	*state_on;		/* "enabled" */
	const char	*state_off;
	const char	*recommended;		/* appended to an enum item */
	const char	*protocols_label;	/* the dropdown's label */
	/* supportedOn and the explain texts' OS facts, from os.c's terms */
	const char	*sup_at_least;		/* "At least %s" */
	const char	*sup_range;		/* "%s to %s" */
	const char	*sup_with_kb;		/* "%s with update KB %s" */
	const char	*sup_or;		/* between two terms */
	const char	*sup_tls11_12;		/* "(TLS 1.1 and 1.2 only)" */
	const char	*list_comma;		/* "a, b and c" */
	const char	*list_and;
	const char	*sentence_gap;		/* between two sentences */
	const char	*explain_winhttp;	/* what the policy does */
	const char	*explain_wininet;
	const char	*explain_strong;
	const char	*explain_system;
	const char	*explain_schannel;	/* "%s" protocol, "%s" side */
	const char	*explain_value;		/* "%s" hex, "%s" protocols */
	const char	*explain_kb;		/* "%s" OS names, "%s" KB */
	const char	*explain_kb_partial;	/* OS, KB, SCHANNEL's KB */
	const char	*explain_client_off;	/* "%s" OS names */
	const char	*explain_net35;		/* "%s" KB list, "%s" OS */
	const char	*explain_restart;
	const char	*explain_tattoo;
	const char	*description;		/* the ADML's own; "%s" policy */
	const char	*tls13_only;		/* " (%s or later)" */
};

extern const struct admx_text admx_texts[3];

/*
 * The words of the cipher-suite policies (issue 20), per locale, in
 * admx-text-crypto.c; adml-crypto.c builds their texts. No Windows names
 * here: "%s" takes os.c's (admx-os.c).
 */
struct admx_crypto_text {
	const char	*locale;
	const char	*cat_crypto;		/* the category under the vendor */
	const char	*name_dh;		/* policy display names */
	const char	*name_pkcs;
	const char	*name_switches;		/* "%s": one of the kinds */
	const char	*kind_ciphers;
	const char	*kind_hashes;
	const char	*kind_kx;
	const char	*name_order;
	const char	*name_curves;
	const char	*explain_dh;		/* what the values mean */
	const char	*explain_pkcs;
	const char	*explain_bits_set;	/* "%s" value, "%u" bits */
	const char	*explain_win10;		/* "%s": os.c's names */
	const char	*explain_switches;	/* "%s": Ciphers, Hashes, ... */
	const char	*explain_switches_on;	/* "%s": the names on */
	const char	*explain_switches_none;
	const char	*explain_order;
	const char	*explain_curves;
	const char	*explain_same_value;	/* "%s": Windows' policy */
	const char	*explain_order_set;	/* "%u" suites */
	const char	*explain_curves_set;	/* "%s" curves */
	const char	*label_server;		/* presentation labels */
	const char	*label_client;
	const char	*label_switches;
	const char	*label_order;
	const char	*label_curves;
	const char	*label_curves_plan;
};

const struct admx_crypto_text *admx_crypto_text_for(const char *);

#endif
