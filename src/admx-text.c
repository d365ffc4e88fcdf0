#include "config.h"

#include "admx-text.h"

/*
 * zh-TW and sv-SE terms follow the seeds' own translations where they have
 * one (通訊協定 / protokoll, 登錄 / register, 更新 KB 3140245).
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
		"At least Windows Server 2008 SP2 or Windows 7 SP1",
		"At least Windows 7 SP1 with update KB 3140245, or Windows "
		    "Server 2008 SP2 with KB 4467770 (TLS 1.1 and 1.2 only)",
		"At least Windows 11 or Windows Server 2022",
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
		    "1, disabled writes 0. .NET Framework 3.5 (v2.0.50727) reads "
		    "it only with its TLS update: KB 3154518 (Windows 7 SP1, "
		    "Server 2008 R2 SP1), KB 3154519 (Server 2012), KB 3154520 "
		    "(Windows 8.1, Server 2012 R2), KB 3154517 (Server 2008 SP2); "
		    "Windows 10 and later have it.",
		"Enabled turns %s on for the SCHANNEL %s side (Enabled = 1, "
		    "DisabledByDefault = 0); disabled turns it off (Enabled = 0, "
		    "DisabledByDefault = 1).",
		"This policy file recommends %s (%s).",
		"Windows 7 SP1, Windows Server 2008 R2 SP1 and Windows Server "
		    "2012 honour it only with update KB 3140245 installed.",
		"Restart Windows after a change.",
		"These values lie outside Software\\Policies: unlinking the GPO "
		    "does not remove them. Restore the previous values with the "
		    "package's rollback script.",
		"TLS protocol settings from the tlsgpo policy %s.",
		"At least Windows 10 version 1607 or Windows Server 2016",
		" (Windows 11 / Windows Server 2022 or later)",
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
		"至少 Windows Server 2008 SP2 或 Windows 7 SP1",
		"至少 Windows 7 SP1 並已安裝更新 KB 3140245，或 Windows Server "
		    "2008 SP2 並已安裝 KB 4467770 (僅 TLS 1.1 與 1.2)",
		"至少 Windows 11 或 Windows Server 2022",
		"設定 DefaultSecureProtocols，也就是應用程式未自行指定時 WinHTTP "
		    "所使用的通訊協定，寫入原生登錄機碼及其 Wow6432Node 對應機碼。",
		"設定 SecureProtocols，也就是 WinINet（Internet Explorer 及以其"
		    "為基礎的應用程式）可使用的通訊協定。",
		"為此原則的 .NET Framework 版本與登錄檢視設定 "
		    "SchUseStrongCrypto：啟用時寫入 1，停用時寫入 0。",
		"為此原則的 .NET Framework 版本與登錄檢視設定 "
		    "SystemDefaultTlsVersions，讓應用程式使用作業系統允許的 TLS "
		    "版本：啟用時寫入 1，停用時寫入 0。.NET Framework 3.5 "
		    "(v2.0.50727) 需安裝其 TLS 更新才會讀取此值：KB 3154518 "
		    "(Windows 7 SP1、Server 2008 R2 SP1)、KB 3154519 (Server "
		    "2012)、KB 3154520 (Windows 8.1、Server 2012 R2)、KB 3154517 "
		    "(Server 2008 SP2)；Windows 10 及更新版本已內建。",
		"啟用時為 SCHANNEL %2$s端開啟 %1$s（Enabled = 1，"
		    "DisabledByDefault = 0）；停用時將其關閉（Enabled = 0，"
		    "DisabledByDefault = 1）。",
		"此原則檔建議使用 %s（%s）。",
		"Windows 7 SP1、Windows Server 2008 R2 SP1 及 Windows Server "
		    "2012 必須先安裝更新 KB 3140245 才會套用此值。",
		"變更後請重新啟動 Windows。",
		"這些值位於 Software\\Policies 之外：取消連結 GPO 不會移除它們。"
		    "請使用套件中的還原指令碼還原先前的值。",
		"來自 tlsgpo 原則 %s 的 TLS 通訊協定設定。",
		"至少 Windows 10 版本 1607 或 Windows Server 2016",
		" (Windows 11 / Windows Server 2022 或更新版本)",
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
		"Minst Windows Server 2008 SP2 eller Windows 7 SP1",
		"Minst Windows 7 SP1 med uppdateringen KB 3140245, eller Windows "
		    "Server 2008 SP2 med KB 4467770 (endast TLS 1.1 och 1.2)",
		"Minst Windows 11 eller Windows Server 2022",
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
		    "skriver 1, inaktiverad skriver 0. .NET Framework 3.5 "
		    "(v2.0.50727) läser värdet bara med sin TLS-uppdatering: "
		    "KB 3154518 (Windows 7 SP1, Server 2008 R2 SP1), KB 3154519 "
		    "(Server 2012), KB 3154520 (Windows 8.1, Server 2012 R2), "
		    "KB 3154517 (Server 2008 SP2); Windows 10 och senare har den.",
		"Aktiverad slår på %s för SCHANNEL-sidan %s (Enabled = 1, "
		    "DisabledByDefault = 0); inaktiverad slår av det (Enabled = 0, "
		    "DisabledByDefault = 1).",
		"Denna principfil rekommenderar %s (%s).",
		"Windows 7 SP1, Windows Server 2008 R2 SP1 och Windows Server "
		    "2012 följer värdet först när uppdateringen KB 3140245 är "
		    "installerad.",
		"Starta om Windows efter en ändring.",
		"Dessa värden ligger utanför Software\\Policies: att ta bort "
		    "länken till grupprincipobjektet tar inte bort dem. Återställ "
		    "de tidigare värdena med paketets återställningsskript.",
		"TLS-protokollinställningar från tlsgpo-principen %s.",
		"Minst Windows 10 version 1607 eller Windows Server 2016",
		" (Windows 11 / Windows Server 2022 eller senare)",
	},
};
