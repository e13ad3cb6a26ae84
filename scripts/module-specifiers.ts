/**
 * Every way a source file can name another module: static and type imports, `export … from`,
 * `import x = require()`, dynamic `import()`, `require()`, `require.resolve()`, triple-slash
 * references, and the scripts of an HTML page. A computed specifier is reported as such: the
 * boundary check cannot tell what it loads, so it must not pass silently.
 */
import ts from 'typescript';

export interface SpecifierUse {
  /** The module named, or the source text of a computed one. */
  specifier: string;
  line: number;
  kind: 'import' | 'computed' | 'types-reference' | 'path-reference' | 'lib-reference';
}

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** File name endings that hold code the check reads. */
export const CODE_EXTENSIONS = Object.keys(SCRIPT_KINDS);

function isLiteral(node: ts.Node | undefined): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral {
  return node !== undefined && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node));
}

function isRequire(callee: ts.Expression): boolean {
  if (ts.isIdentifier(callee)) return callee.text === 'require';
  // require.resolve('x') and module.require('x') name a module as much as require('x') does.
  if (ts.isPropertyAccessExpression(callee)) {
    const target = callee.expression;
    return (ts.isIdentifier(target) && target.text === 'require' && callee.name.text === 'resolve') || (ts.isIdentifier(target) && target.text === 'module' && callee.name.text === 'require');
  }
  return false;
}

/** Specifiers in a script, `lineOffset` lines down its file (for scripts inside HTML). */
export function scriptSpecifiers(fileName: string, text: string, extension: string, lineOffset = 0): SpecifierUse[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, SCRIPT_KINDS[extension] ?? ts.ScriptKind.TS);
  const out: SpecifierUse[] = [];
  const lineOf = (pos: number) => sf.getLineAndCharacterOfPosition(pos).line + 1 + lineOffset;
  const named = (node: ts.Node | undefined, at: ts.Node) => {
    if (isLiteral(node)) out.push({ specifier: node.text, line: lineOf(node.getStart(sf)), kind: 'import' });
    else out.push({ specifier: node ? node.getText(sf) : '(nothing)', line: lineOf(at.getStart(sf)), kind: 'computed' });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) named(node.moduleSpecifier, node);
    else if (ts.isExternalModuleReference(node)) named(node.expression, node);
    else if (ts.isImportTypeNode(node)) named(ts.isLiteralTypeNode(node.argument) ? node.argument.literal : node.argument, node);
    else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || isRequire(node.expression))) named(node.arguments[0], node);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  for (const r of sf.typeReferenceDirectives) out.push({ specifier: r.fileName, line: lineOf(r.pos), kind: 'types-reference' });
  for (const r of sf.referencedFiles) out.push({ specifier: r.fileName, line: lineOf(r.pos), kind: 'path-reference' });
  for (const r of sf.libReferenceDirectives) out.push({ specifier: r.fileName, line: lineOf(r.pos), kind: 'lib-reference' });
  return out;
}

const SCRIPT_TAG = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTR = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** The scripts of an HTML page: each `src` is a specifier, each inline script is read as JS. */
export function htmlSpecifiers(fileName: string, text: string): SpecifierUse[] {
  const out: SpecifierUse[] = [];
  for (const m of text.matchAll(SCRIPT_TAG)) {
    const line = text.slice(0, m.index).split('\n').length;
    const src = SRC_ATTR.exec(m[1] ?? '');
    if (src) out.push({ specifier: src[1] ?? src[2] ?? src[3] ?? '', line, kind: 'import' });
    const body = m[2] ?? '';
    if (body.trim() !== '') out.push(...scriptSpecifiers(fileName, body, '.js', line - 1));
  }
  return out;
}
