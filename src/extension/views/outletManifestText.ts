// The news-sources.json edit behind "Set Outlet for This File", as text in, text out. Pure (no vscode
// import). The format is documented in src/core/outlets.ts: { "sources": [ { "match", "outlet", … } ] }
// or the object form { "<path or glob>": { "outlet": … } }.

export const MANIFEST_NAME = 'news-sources.json';

type SourceEntry = { match: string; outlet?: string; [field: string]: unknown };

/** The manifest text with `relativePath`'s outlet set. Pure; throws on a manifest that is not JSON. */
export function withOutlet(manifestText: string | undefined, relativePath: string, outlet: string): string {
  const parsed: unknown = manifestText && manifestText.trim() ? JSON.parse(manifestText) : { sources: [] };
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('news-sources.json must hold a JSON object');
  const manifest = parsed as Record<string, unknown>;
  if (Array.isArray(manifest.sources) || Object.keys(manifest).length === 0) {
    const sources = (manifest.sources ?? []) as SourceEntry[];
    const entry = sources.find((s) => s && typeof s === 'object' && s.match === relativePath);
    if (entry) entry.outlet = outlet;
    else sources.push({ match: relativePath, outlet });
    manifest.sources = sources;
  } else {
    // The object form: { "<path or glob>": { "outlet": … } }.
    const entry = manifest[relativePath];
    manifest[relativePath] = entry && typeof entry === 'object' ? { ...(entry as object), outlet } : { outlet };
  }
  return JSON.stringify(manifest, null, 2) + '\n';
}
