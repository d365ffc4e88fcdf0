#include "config.h"

#include <stddef.h>
#include <string.h>

#include "admx-text.h"

/*
 * The cipher-suite policies' words (issue 20). What they say comes from
 * docs/research/cipher-suites/registry.md: the key sizes and their
 * defaults ("TLS registry settings", §3), the legacy switches and that
 * Microsoft prefers the cipher-suite order (§2, §4), Functions and
 * EccCurves and Windows' own "SSL Cipher Suite Order" / "ECC Curve Order"
 * policies, which write the same values (§1). Windows' policy names and
 * their place (Network > SSL Configuration Settings) are quoted in English
 * in every language: their translations were not found. The names of
 * Windows versions are os.c's, put in by adml-crypto.c.
 */
static const struct admx_crypto_text texts[3] = {
	{
		"en-US",
		"TLS cipher suites and key sizes",
		"SCHANNEL: Diffie-Hellman minimum key size",
		"SCHANNEL: RSA (PKCS) minimum key size",
		"SCHANNEL: legacy %s switches",
		"cipher",
		"hash",
		"key exchange",
		"Cipher suite order (Functions)",
		"ECC curve order (EccCurves)",
		"Sets SCHANNEL's smallest Diffie-Hellman (DHE) key size, in "
		    "bits: ServerMinKeyBitLength is the smallest group a TLS "
		    "server uses (Windows' default 2048), ClientMinKeyBitLength "
		    "the smallest group a TLS client accepts from a server "
		    "(default 1024); a server with a smaller group fails the "
		    "handshake.",
		"Sets ClientMinKeyBitLength, the smallest RSA key, in bits, that "
		    "a TLS client accepts from a server for RSA (PKCS) key "
		    "exchange (default 1024). On the server side the certificate "
		    "decides the strength of RSA key exchange.",
		"This policy file sets %s to %u bits.",
		"%s and later honour it (\"TLS registry settings\", Microsoft "
		    "Learn); older Windows ignore it.",
		"Legacy switches under SCHANNEL\\%s: for each name, checked "
		    "writes Enabled = 0xFFFFFFFF (on), cleared writes Enabled = 0 "
		    "(off). Microsoft prefers the cipher-suite order (the cipher "
		    "suite order policy) to these switches (\"TLS registry "
		    "settings\", Microsoft Learn); where they are set, no cipher "
		    "suite that uses a switched-off algorithm is used, whatever "
		    "the order says.",
		"This policy file turns on: %s; the others listed here are off.",
		"This policy file turns every switch listed here off.",
		"Sets Functions, the cipher suites SCHANNEL may use, in order of "
		    "preference: comma-separated, at most 1,023 characters. "
		    "Cipher suites not in the list are not used.",
		"Sets EccCurves, the elliptic curves SCHANNEL may use, in order "
		    "of preference: one curve name per line.",
		"Windows' own policy \"%s\" (Network > SSL Configuration "
		    "Settings, CipherSuiteOrder.admx) writes the same value: set "
		    "only one of the two.",
		"This policy file's list (the default in the box below) has %u "
		    "cipher suites.",
		"This policy file's curves, in order: %s.",
		"Servers: smallest key (bits)",
		"Clients: smallest key accepted (bits)",
		"Checked: on (0xFFFFFFFF); cleared: off (0).",
		"Cipher suites, comma-separated:",
		"ECC curves, one per line:",
		"This policy file's curves, in order:",
	},
	{
		"zh-TW",
		"TLS 加密套件與金鑰長度",
		"SCHANNEL：Diffie-Hellman 最小金鑰長度",
		"SCHANNEL：RSA (PKCS) 最小金鑰長度",
		"SCHANNEL：舊版%s開關",
		"加密演算法",
		"雜湊演算法",
		"金鑰交換演算法",
		"加密套件順序 (Functions)",
		"ECC 曲線順序 (EccCurves)",
		"設定 SCHANNEL 的 Diffie-Hellman (DHE) 最小金鑰長度（位元）："
		    "ServerMinKeyBitLength 是 TLS 伺服器使用的最小群組（Windows "
		    "預設為 2048），ClientMinKeyBitLength 是 TLS 用戶端可接受的"
		    "伺服器最小群組（預設為 1024）；群組較小的伺服器將無法完成交握。",
		"設定 ClientMinKeyBitLength，也就是 TLS 用戶端在 RSA (PKCS) "
		    "金鑰交換中可接受的伺服器最小 RSA 金鑰長度（位元，預設為 "
		    "1024）。伺服器端 RSA 金鑰交換的強度由其憑證決定。",
		"此原則檔將 %s 設為 %u 位元。",
		"%s 及更新版本會套用此值（「TLS registry settings」，Microsoft "
		    "Learn）；較舊的 Windows 會忽略它。",
		"位於 SCHANNEL\\%s 之下的舊版開關：每個名稱勾選時寫入 Enabled = "
		    "0xFFFFFFFF（開啟），清除時寫入 Enabled = 0（關閉）。Microsoft "
		    "建議以加密套件順序（加密套件順序原則）取代這些開關（「TLS "
		    "registry settings」，Microsoft Learn）；設定之後，凡使用已關閉"
		    "演算法的加密套件都不會被使用，不論順序為何。",
		"此原則檔開啟：%s；此處列出的其他項目均為關閉。",
		"此原則檔將此處列出的所有開關關閉。",
		"設定 Functions，也就是 SCHANNEL 可使用的加密套件及其優先順序："
		    "以逗號分隔，最多 1,023 個字元。未列入清單的加密套件不會被使用。",
		"設定 EccCurves，也就是 SCHANNEL 可使用的橢圓曲線及其優先順序："
		    "每行一個曲線名稱。",
		"Windows 內建的「%s」原則（Network > SSL Configuration "
		    "Settings，CipherSuiteOrder.admx）會寫入相同的值：兩者只能"
		    "設定其一。",
		"此原則檔的清單（即下方方塊的預設值）包含 %u 個加密套件。",
		"此原則檔的曲線依序為：%s。",
		"伺服器：最小金鑰長度（位元）",
		"用戶端：可接受的最小金鑰長度（位元）",
		"勾選：開啟 (0xFFFFFFFF)；清除：關閉 (0)。",
		"加密套件（以逗號分隔）：",
		"ECC 曲線（每行一個）：",
		"此原則檔的曲線，依序為：",
	},
	{
		"sv-SE",
		"TLS-chiffersviter och nyckellängder",
		"SCHANNEL: minsta nyckellängd för Diffie-Hellman",
		"SCHANNEL: minsta nyckellängd för RSA (PKCS)",
		"SCHANNEL: äldre brytare för %s",
		"chiffer",
		"hashalgoritmer",
		"nyckelutbyte",
		"Ordning för chiffersviter (Functions)",
		"Ordning för ECC-kurvor (EccCurves)",
		"Anger SCHANNELs minsta nyckellängd i bitar för Diffie-Hellman "
		    "(DHE): ServerMinKeyBitLength är den minsta grupp en "
		    "TLS-server använder (Windows standard 2048), "
		    "ClientMinKeyBitLength den minsta grupp en TLS-klient godtar "
		    "från en server (standard 1024); en server med en mindre "
		    "grupp klarar inte handskakningen.",
		"Anger ClientMinKeyBitLength, den minsta RSA-nyckel i bitar som "
		    "en TLS-klient godtar från en server vid nyckelutbyte med RSA "
		    "(PKCS) (standard 1024). På serversidan avgör certifikatet "
		    "styrkan i RSA-nyckelutbytet.",
		"Denna principfil sätter %s till %u bitar.",
		"%s och senare följer värdet (\"TLS registry settings\", "
		    "Microsoft Learn); äldre Windows ignorerar det.",
		"Äldre brytare under SCHANNEL\\%s: för varje namn skriver "
		    "markerad Enabled = 0xFFFFFFFF (på) och avmarkerad Enabled = 0 "
		    "(av). Microsoft föredrar ordningen för chiffersviter "
		    "(principen för den) framför dessa brytare (\"TLS registry "
		    "settings\", Microsoft Learn); där de är satta används ingen "
		    "chiffersvit med en avstängd algoritm, oavsett ordningen.",
		"Denna principfil slår på: %s; övriga som listas här är av.",
		"Denna principfil slår av alla brytare som listas här.",
		"Anger Functions, de chiffersviter SCHANNEL får använda, i "
		    "prioritetsordning: kommaseparerade, högst 1 023 tecken. "
		    "Chiffersviter som inte finns i listan används inte.",
		"Anger EccCurves, de elliptiska kurvor SCHANNEL får använda, i "
		    "prioritetsordning: ett kurvnamn per rad.",
		"Windows egen princip \"%s\" (Network > SSL Configuration "
		    "Settings, CipherSuiteOrder.admx) skriver samma värde: ange "
		    "bara den ena av dem.",
		"Denna principfils lista (standardvärdet i rutan nedan) har %u "
		    "chiffersviter.",
		"Denna principfils kurvor, i ordning: %s.",
		"Servrar: minsta nyckellängd (bitar)",
		"Klienter: minsta godtagna nyckellängd (bitar)",
		"Markerad: på (0xFFFFFFFF); avmarkerad: av (0).",
		"Chiffersviter, kommaseparerade:",
		"ECC-kurvor, en per rad:",
		"Denna principfils kurvor, i ordning:",
	},
};

/* The locale's words; en-US's for a locale without them. */
const struct admx_crypto_text *
admx_crypto_text_for(const char *locale)
{
	size_t	i;

	for (i = 0; i < sizeof texts / sizeof texts[0]; i++) {
		if (strcmp(texts[i].locale, locale) == 0)
			return &texts[i];
	}
	return &texts[0];
}
