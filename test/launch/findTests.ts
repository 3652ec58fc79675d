// The compiled test files under a folder (`*.test.js`, recursively, sorted), for the mocha entries of
// the extension-host and UI suites.
import * as fs from 'fs';
import * as path from 'path';

export function findTests(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}
