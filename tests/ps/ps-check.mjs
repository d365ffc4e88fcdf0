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
        if (n.type === 'hash_literal_expression' || n.type === 'array_expression') return undefined;
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
} else {
    console.error('usage: ps-check.mjs syntax FILE... | plan FILE | literal VAR FILE');
    process.exit(2);
}
