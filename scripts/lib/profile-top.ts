/**
 * A V8 CPU profile (node --cpu-prof) summed by function: self time per function and the source
 * it comes from, read back through the built program's source map (dist/*.cjs.map), so a line of
 * the bundle is named as the package or source file it was built from.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileEntry {
  percent: number;
  name: string;
  /** The package (node_modules/…) or source file, or what V8 calls it (garbage collector, node's own modules). */
  where: string;
}

export function profileTop(file: string, count: number): ProfileEntry[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const maps = new Map<string, TraceMap | undefined>();
  const mapOf = (url: string) => {
    if (!maps.has(url)) {
      const script = url.startsWith('file:') ? fileURLToPath(url) : url;
      maps.set(url, existsSync(`${script}.map`) ? new TraceMap(readFileSync(`${script}.map`, 'utf8'), script) : undefined);
    }
    return maps.get(url);
  };
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, { name: string; where: string; micros: number }>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = byNode.get(id)!.callFrame;
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    if (frame.functionName === '(idle)') return;
    const map = frame.url ? mapOf(frame.url) : undefined;
    const source = map ? originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber }).source : null;
    const where = source ? shortSource(source) : frame.url ? shortSource(frame.url) : 'V8';
    const name = frame.functionName || '(anonymous)';
    const key = `${name} ${where}`;
    const entry = self.get(key) ?? { name, where, micros: 0 };
    entry.micros += delta;
    self.set(key, entry);
  });
  const busy =
    total -
    [...profile.samples.entries()]
      .filter(([, id]) => byNode.get(id)!.callFrame.functionName === '(idle)')
      .reduce((sum, [i]) => sum + (profile.timeDeltas[i] ?? 0), 0);
  return [...self.values()]
    .sort((a, b) => b.micros - a.micros)
    .slice(0, count)
    .map((e) => ({ percent: (100 * e.micros) / busy, name: e.name, where: e.where }));
}

/** node_modules/docxtemplater/js/render.js, src/render/finish/text.ts, node:zlib. */
function shortSource(source: string): string {
  const plain = source.startsWith('file:') ? fileURLToPath(source) : source;
  const inPackages = plain.lastIndexOf('node_modules/');
  if (inPackages !== -1) return plain.slice(inPackages);
  const inSources = plain.replaceAll(path.sep, '/').lastIndexOf('/src/');
  return inSources !== -1 ? plain.replaceAll(path.sep, '/').slice(inSources + 1) : plain;
}
