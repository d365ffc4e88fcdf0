#!/usr/bin/env node
// ps-check.mjs: reads PowerShell files with the tree-sitter PowerShell grammar
// (tree-sitter-powershell's own .wasm, run by web-tree-sitter), independently
// of the code that wrote them.
//
//   node ps-check.mjs syntax FILE...      exit 1 and "file:line:col: ..." on any
//                                         ERROR or MISSING node
//   node ps-check.mjs plan FILE           the $Plan hashtables, one JSON object a line
//   node ps-check.mjs literal VAR FILE    how $VAR is assigned: one JSON object with the
//                                         node kind of the value and its decoded text
//   node ps-check.mjs rules FILE...       "file:line: rule" and exit 1 where a script
//                                         breaks a field rule: an automatic variable
//                                         ($PSScriptRoot, $MyInvocation, $PSCommandPath)
//                                         in a param() default; a registry key opened
//                                         without its view named (OpenBaseKey without a
//                                         RegistryView, [Registry]::LocalMachine, a
//                                         HKLM:/HKCU:/Registry:: provider path); reg.exe
//                                         run without /reg:32 or /reg:64
import { Parser, Language } from 'web-tree-sitter';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';

// The optimising compiler spends seconds on the 1 MB grammar for nothing here.
v8.setFlagsFromString('--liftoff-only');

const require = createRequire(import.meta.url);
const [mode, ...args] = process.argv.slice(2);
await Parser.init();
const grammar = path.join(path.dirname(require.resolve('tree-sitter-powershell/package.json')),
    'tree-sitter-powershell.wasm');
const parser = new Parser();
parser.setLanguage(await Language.load(grammar));

function read(file) {
    const b = readFileSync(file);
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return b.subarray(3).toString('utf8');
    if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
    return b.toString('utf8');
}

function* descendants(node) {
    yield node;
    for (const c of node.children) yield* descendants(c);
}

// The value of an expression node that is a plain literal, else undefined.
function literal(node) {
    for (const n of descendants(node)) {
        if (n.type === 'string_literal') {
            const t = n.text;
            // A verbatim string: a quote (PowerShell counts U+2018..U+201B as
            // quotes too) is written twice.
            if (/^['\u2018-\u201b]/.test(t)) {
                return { kind: 'verbatim', text: t.slice(1, -1).replace(/(['\u2018-\u201b])\1/g, '$1') };
            }
            return { kind: 'expandable', text: t };
        }
        if (n.type === 'integer_literal') return { kind: 'integer', text: n.text };
        if (n.type === 'variable') return { kind: 'variable', text: n.text };
        if (n.type === 'hash_literal_expression') return undefined;
        // [string[]]@('a', 'b'): a list of verbatim strings (a REG_MULTI_SZ).
        if (n.type === 'array_expression') {
            const items = [...descendants(n)].filter((c) => c.type === 'string_literal').map((c) => literal(c));
            if (items.some((i) => i.kind !== 'verbatim')) return undefined;
            return { kind: 'list', text: items.map((i) => i.text) };
        }
    }
    return undefined;
}

function assignments(root, name) {
    const found = [];
    for (const n of descendants(root)) {
        if (n.type !== 'assignment_expression') continue;
        const left = n.children[0];
        if (left && left.text.toLowerCase() === name.toLowerCase()) found.push(n);
    }
    return found;
}

if (mode === 'syntax') {
    let bad = 0;
    for (const f of args) {
        const src = read(f);
        const tree = parser.parse(src);
        const problems = [];
        for (const n of descendants(tree.rootNode)) {
            if (n.isError || n.isMissing) {
                const p = n.startPosition;
                problems.push(`${f}:${p.row + 1}:${p.column + 1}: ${n.isMissing ? 'MISSING ' + n.type : 'ERROR'}` +
                    ` near ${JSON.stringify(src.slice(n.startIndex, n.startIndex + 40))}`);
            }
        }
        if (tree.rootNode.hasError && problems.length === 0) problems.push(`${f}: the tree has errors`);
        if (problems.length) { bad++; problems.forEach((p) => console.log(p)); }
    }
    process.exit(bad ? 1 : 0);
} else if (mode === 'plan') {
    const tree = parser.parse(read(args[0]));
    const [plan] = assignments(tree.rootNode, '$Plan');
    if (!plan) { console.error('no $Plan assignment'); process.exit(1); }
    for (const h of descendants(plan)) {
        if (h.type !== 'hash_literal_expression') continue;
        const entry = {};
        for (const e of descendants(h)) {
            if (e.type !== 'hash_entry') continue;
            const key = e.children.find((c) => c.type === 'key_expression');
            const value = literal(e.children.find((c) => c.type === 'pipeline'));
            entry[key.text] = value ? value.text : null;
        }
        console.log(JSON.stringify(entry));
    }
} else if (mode === 'literal') {
    const tree = parser.parse(read(args[1]));
    const found = assignments(tree.rootNode, '$' + args[0]);
    if (found.length !== 1) { console.error(`$${args[0]} is assigned ${found.length} times`); process.exit(1); }
    const value = found[0].childForFieldName('value');
    const strings = [...descendants(value)].filter((n) => n.type === 'string_literal');
    const subs = [...descendants(value)].filter((n) => /sub_expression|variable|command/.test(n.type));
    const lit = literal(value);
    console.log(JSON.stringify({ strings: strings.length, expansions: subs.length, kind: lit && lit.kind, text: lit && lit.text }));
} else if (mode === 'rules') {
    const AUTOMATIC = new Set(['$psscriptroot', '$myinvocation', '$pscommandpath']);
    const VIEW = /^\[Microsoft\.Win32\.RegistryView\]::Registry(32|64)$/i;
    const FLAG = /^['"]?\/reg:(32|64)['"]?$/i;
    let bad = 0;
    for (const f of args) {
        const root = parser.parse(read(f)).rootNode;
        const say = (n, what) => { bad++; console.log(`${f}:${n.startPosition.row + 1}: ${what}`); };
        // What each variable is ever assigned, as text.
        const assigned = new Map();
        for (const n of descendants(root)) {
            if (n.type !== 'assignment_expression') continue;
            const name = n.children[0].text.trim().toLowerCase();
            if (!assigned.has(name)) assigned.set(name, []);
            assigned.get(name).push(n.children[n.children.length - 1].text.trim());
        }
        // A word that is the pattern, or a variable only ever assigned it.
        const only = (text, re) => re.test(text) ||
            (assigned.has(text.toLowerCase()) && assigned.get(text.toLowerCase()).every((v) => re.test(v)));
        for (const n of descendants(root)) {
            if (n.type === 'script_parameter_default') {
                for (const v of descendants(n)) {
                    if (v.type === 'variable' && AUTOMATIC.has(v.text.toLowerCase())) {
                        say(v, `param() default uses ${v.text} (empty while Windows PowerShell binds parameters)`);
                    }
                }
            }
            if (n.type === 'invokation_expression') {
                const member = n.children.find((c) => c.type === 'member_name');
                const name = member ? member.text.toLowerCase() : '';
                if (name === 'openbasekey') {
                    const list = [...descendants(n)].find((c) => c.type === 'argument_expression_list');
                    const argv = list ? list.children.filter((c) => c.type === 'argument_expression') : [];
                    if (argv.length !== 2 || !only(argv[1].text.trim(), VIEW)) {
                        say(n, 'OpenBaseKey without a RegistryView of its own');
                    }
                }
                if (name === 'openremotebasekey') say(n, 'OpenRemoteBaseKey: the view is not named');
            }
            if (n.type === 'member_access' && n.children[0] && n.children[0].type === 'type_literal' &&
                /^\[(microsoft\.win32\.)?registry\]$/i.test(n.children[0].text.replace(/\s/g, ''))) {
                say(n, `${n.text} opens the host's view`);
            }
            if (n.type === 'string_literal' && /hklm:|hkcu:|registry::/i.test(n.text)) {
                say(n, `registry provider path ${n.text} opens the host's view`);
            }
            if (n.type === 'command') {
                const head = n.children.find((c) => c.type === 'command_name' || c.type === 'command_name_expr');
                const word = head ? head.text.trim() : '';
                if (/^(\$reg|reg|reg\.exe|.*\\reg\.exe['"]?)$/i.test(word)) {
                    const el = n.children.find((c) => c.type === 'command_elements');
                    const words = el ? el.children.filter((c) => c.type !== 'command_argument_sep').map((c) => c.text.trim()) : [];
                    if (!words.some((w) => only(w, FLAG))) say(n, `${word} run without /reg:32 or /reg:64`);
                }
            }
        }
    }
    process.exit(bad ? 1 : 0);
} else {
    console.error('usage: ps-check.mjs syntax FILE... | plan FILE | literal VAR FILE | rules FILE...');
    process.exit(2);
}
