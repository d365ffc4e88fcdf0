#include "config.h"

#include "admx-text.h"

/*
 * zh-TW and sv-SE terms follow the seeds' own translations where they have
 * one (通訊協定 / protokoll, 登錄 / register, 更新 / uppdateringen). The
 * names of Windows versions and the KB numbers are os.c's (admx-os.c).
 */
const struct admx_text admx_texts[3] = {
	{
		"en-US",
		"TLS protocols",
		"WinHTTP default secure protocols",
		"WinINet secure protocols",
		".NET Framework: use strong cryptography (SchUseStrongCrypto)",
		".NET Framework: use the system default TLS versions "
		    "(SystemDefaultTlsVersions)",
		"SCHANNEL: %s %s",
		"client",
		"server",
		"enabled",
		"disabled",
		" (recommended by this policy)",
		"Protocols:",
		"At least %s",
		"%s to %s",
		"%s with update KB %s",
		", or ",
		" (TLS 1.1 and 1.2 only)",
		", ",
		" and ",
		" ",
		"Sets DefaultSecureProtocols, the protocols WinHTTP offers when "
		    "an application does not choose them, in the native key and "
		    "its Wow6432Node twin.",
		"Sets SecureProtocols, the protocols WinINet (Internet Explorer "
		    "and the applications built on it) may use.",
		"Sets SchUseStrongCrypto for the .NET Framework versions and "
		    "registry views of this policy: enabled writes 1, disabled "
		    "writes 0.",
		"Sets SystemDefaultTlsVersions for the .NET Framework versions "
		    "and registry views of this policy, so that applications use "
		    "the TLS versions the operating system allows: enabled writes "
		    "1, disabled writes 0.",
		"Enabled turns %s on for the SCHANNEL %s side (Enabled = 1, "
		    "DisabledByDefault = 0); disabled turns it off (Enabled = 0, "
		    "DisabledByDefault = 1).",
		"This policy file recommends %s (%s).",
		"%s honour it only with update KB %s installed.",
		"%s honours it only with update KB %s, and then only TLS 1.1 "
		    "and 1.2, which SCHANNEL has there only with KB %s.",
		"%s have TLS 1.1 and 1.2 off for SCHANNEL clients by default: "
		    "enable their SCHANNEL client policies too, or WinHTTP cannot "
		    "use them there.",
		".NET Framework 3.5 (v2.0.50727) reads it only with its TLS "
		    "update, or a later .NET update that contains it: %s; %s and "
		    "later read it as shipped.",
		"Restart Windows after a change.",
		"These values lie outside Software\\Policies: unlinking the GPO "
		    "does not remove them. Restore the previous values with the "
		    "package's rollback script.",
		"TLS protocol settings from the tlsgpo policy %s.",
		" (%s or later)",
	},
	{
		"zh-TW",
		"TLS 通訊協定",
		"WinHTTP 預設安全通訊協定",
		"WinINet 安全通訊協定",
		".NET Framework：使用強式加密 (SchUseStrongCrypto)",
		".NET Framework：使用系統預設的 TLS 版本 "
		    "(SystemDefaultTlsVersions)",
		"SCHANNEL：%s %s",
		"用戶端",
		"伺服器",
		"啟用",
		"停用",
		"（此原則建議）",
		"通訊協定：",
		"至少 %s",
		"%s 至 %s",
		"%s 並已安裝更新 KB %s",
		"，或 ",
		" (僅 TLS 1.1 與 1.2)",
		"、",
		" 及 ",
		"",
		"設定 DefaultSecureProtocols，也就是應用程式未自行指定時 WinHTTP "
		    "所使用的通訊協定，寫入原生登錄機碼及其 Wow6432Node 對應機碼。",
		"設定 SecureProtocols，也就是 WinINet（Internet Explorer 及以其"
		    "為基礎的應用程式）可使用的通訊協定。",
		"為此原則的 .NET Framework 版本與登錄檢視設定 "
		    "SchUseStrongCrypto：啟用時寫入 1，停用時寫入 0。",
		"為此原則的 .NET Framework 版本與登錄檢視設定 "
		    "SystemDefaultTlsVersions，讓應用程式使用作業系統允許的 TLS "
		    "版本：啟用時寫入 1，停用時寫入 0。",
		"啟用時為 SCHANNEL 的%2$s開啟 %1$s（Enabled = 1，"
		    "DisabledByDefault = 0）；停用時將其關閉（Enabled = 0，"
		    "DisabledByDefault = 1）。",
		"此原則檔建議使用 %s（%s）。",
		"%s 必須先安裝更新 KB %s 才會套用此值。",
		"%s 必須先安裝更新 KB %s 才會套用此值，且僅限 TLS 1.1 與 1.2；"
		    "SCHANNEL 在該版本上需安裝 KB %s 才有這兩個通訊協定。",
		"%s 的 SCHANNEL 用戶端預設停用 TLS 1.1 與 1.2：請一併啟用其 "
		    "SCHANNEL 用戶端原則，否則 WinHTTP 在這些版本上無法使用它們。",
		".NET Framework 3.5 (v2.0.50727) 需安裝其 TLS 更新（或包含該"
		    "更新的較新 .NET 更新）才會讀取此值：%s；%s 及更新版本已內建。",
		"變更後請重新啟動 Windows。",
		"這些值位於 Software\\Policies 之外：取消連結 GPO 不會移除它們。"
		    "請使用套件中的還原指令碼還原先前的值。",
		"來自 tlsgpo 原則 %s 的 TLS 通訊協定設定。",
		" (%s 或更新版本)",
	},
	{
		"sv-SE",
		"TLS-protokoll",
		"Standardprotokoll för säkra WinHTTP-anslutningar",
		"Säkra protokoll för WinINet",
		".NET Framework: använd stark kryptografi (SchUseStrongCrypto)",
		".NET Framework: använd systemets standardversioner av TLS "
		    "(SystemDefaultTlsVersions)",
		"SCHANNEL: %s, %s",
		"klient",
		"server",
		"aktiverad",
		"inaktiverad",
		" (rekommenderas av denna princip)",
		"Protokoll:",
		"Minst %s",
		"%s till %s",
		"%s med uppdateringen KB %s",
		", eller ",
		" (endast TLS 1.1 och 1.2)",
		", ",
		" och ",
		" ",
		"Anger DefaultSecureProtocols, de protokoll som WinHTTP använder "
		    "när ett program inte väljer själv, i den egna nyckeln och i "
		    "dess Wow6432Node-motsvarighet.",
		"Anger SecureProtocols, de protokoll som WinINet (Internet "
		    "Explorer och program som bygger på det) får använda.",
		"Anger SchUseStrongCrypto för denna princips versioner av .NET "
		    "Framework och registervyer: aktiverad skriver 1, inaktiverad "
		    "skriver 0.",
		"Anger SystemDefaultTlsVersions för denna princips versioner av "
		    ".NET Framework och registervyer, så att program använder de "
		    "TLS-versioner som operativsystemet tillåter: aktiverad "
		    "skriver 1, inaktiverad skriver 0.",
		"Aktiverad slår på %s för SCHANNEL-sidan %s (Enabled = 1, "
		    "DisabledByDefault = 0); inaktiverad slår av det (Enabled = 0, "
		    "DisabledByDefault = 1).",
		"Denna principfil rekommenderar %s (%s).",
		"%s följer värdet först när uppdateringen KB %s är installerad.",
		"%s följer värdet först med uppdateringen KB %s, och då bara "
		    "för TLS 1.1 och 1.2, som SCHANNEL där har först med KB %s.",
		"%s har TLS 1.1 och 1.2 avstängda för SCHANNEL-klienter som "
		    "standard: aktivera även deras SCHANNEL-klientprinciper, annars "
		    "kan WinHTTP inte använda dem där.",
		".NET Framework 3.5 (v2.0.50727) läser värdet bara med sin "
		    "TLS-uppdatering, eller en senare .NET-uppdatering som "
		    "innehåller den: %s; %s och senare läser det som levererat.",
		"Starta om Windows efter en ändring.",
		"Dessa värden ligger utanför Software\\Policies: att ta bort "
		    "länken till grupprincipobjektet tar inte bort dem. Återställ "
		    "de tidigare värdena med paketets återställningsskript.",
		"TLS-protokollinställningar från tlsgpo-principen %s.",
		" (%s eller senare)",
	},
};
