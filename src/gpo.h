/*
 * The names a GPO backup is made of: GPMC's namespaces, the client-side
 * extensions and editors, the Preferences class ids. The backup writer
 * (emit-gpo.c) and its checker (tlsgpo validate) share them.
 */
#ifndef TLSGPO_GPO_H
#define TLSGPO_GPO_H

#define NS_BACKUP	"http://www.microsoft.com/GroupPolicy/GPOOperations"
#define NS_MANIFEST	NS_BACKUP "/Manifest"

/*
 * [MS-GPREG] 1.9: the Registry extension, and its editor for each part
 * (Administrative Templates, Computer ...72 and User ...73, as GPMC pairs
 * them in gPCMachineExtensionNames / gPCUserExtensionNames).
 */
#define CSE_REGISTRY	"{35378EAC-683F-11D2-A89A-00C04FBBCFA2}"
#define TOOL_REGISTRY_M	"{D02B1F72-3407-48AE-BA88-E8213C6761F1}"
#define TOOL_REGISTRY_U	"{D02B1F73-3407-48AE-BA88-E8213C6761F1}"
/* [MS-GPPREF] 1.9: Preferences Registry and the Preferences editor. */
#define CSE_PREFS	"{B087BE9D-ED37-454F-AF9C-04291E351182}"
#define TOOL_PREFS	"{BEE07A6A-EC9F-4659-B8C9-0B1937907C83}"
/* GPMC lists the Preferences editor under the null extension as well. */
#define CSE_NULL	"{00000000-0000-0000-0000-000000000000}"
/* Where GPMC's backups list the Preferences files. */
#define EXT_UNKNOWN	"{F15C46CD-82A0-4C2D-A210-5D0D3182A418}"
/* [MS-GPPREF] 2.2.1.17: RegistrySettings and Registry class ids. */
#define CLSID_SETTINGS	"{A3CCFC41-DFDB-43a5-8D26-0FE8B954DA51}"
#define CLSID_REGISTRY	"{9CD4B2F4-923D-47f5-A062-E897DD1DAD50}"

/* A part's "[{CSE}{tool}]" groups in Backup.xml's extension lists. */
#define GROUP_REGISTRY_M "[" CSE_REGISTRY TOOL_REGISTRY_M "]"
#define GROUP_REGISTRY_U "[" CSE_REGISTRY TOOL_REGISTRY_U "]"
#define GROUP_PREFS	"[" CSE_PREFS TOOL_PREFS "]"

#endif
