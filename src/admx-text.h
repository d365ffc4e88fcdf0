/*
 * The words of the ADML files, per locale: en-US, and zh-TW and sv-SE,
 * the languages of the seeds (Microsoft's TLS 1.2 guidance). Each explain
 * text is built from these parts by emit-admx.c.
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
	const char	*sup_win7;
	const char	*sup_kb3140245;
	const char	*sup_tls13;
	const char	*explain_winhttp;	/* what the policy does */
	const char	*explain_wininet;
	const char	*explain_strong;
	const char	*explain_system;
	const char	*explain_schannel;	/* "%s" protocol, "%s" side */
	const char	*explain_value;		/* "%s" hex, "%s" protocols */
	const char	*explain_kb;
	const char	*explain_restart;
	const char	*explain_tattoo;
	const char	*description;		/* the ADML's own; "%s" policy */
	const char	*sup_1607;		/* DTLS 1.2 (os.c) */
	const char	*tls13_only;		/* appended to a TLS 1.3 item */
};

extern const struct admx_text admx_texts[3];

#endif
