import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';

import { z } from 'zod';

export type FirstLoadJs = {
  route: string;
  files: number;
  gzipBytes: number;
};

const buildManifestSchema = z.object({
  rootMainFiles: z.array(z.string()),
});

const clientManifestSchema = z.record(
  z.string(),
  z.object({ entryJSFiles: z.record(z.string(), z.array(z.string())) }),
);

/**
 * The route's segment folder under server/app: the page is found whichever
 * route group it sits in, e.g. `/orgs/[oid]/datasets` in `(app)/orgs/...`.
 */
function findPageManifest(appDir: string, route: string): string | undefined {
  const wanted = route.split('/').filter(Boolean);
  const walk = (dir: string, rest: string[]): string | undefined => {
    if (rest.length === 0) {
      const file = path.join(dir, 'page_client-reference-manifest.js');
      if (fs.existsSync(file)) return file;
    }
    let entries: fs.Dirent[] = [];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return undefined;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) continue;
      const next = path.join(dir, entry.name);
      if (/^\(.*\)$/.test(entry.name)) {
        const found = walk(next, rest);
        if (found) return found;
      } else if (entry.name === rest[0]) {
        const found = walk(next, rest.slice(1));
        if (found) return found;
      }
    }

    return undefined;
  };

  return walk(appDir, wanted);
}

/** Runs the manifest script in a sandbox and returns what it registers. */
function readClientManifest(file: string) {
  const sandbox: { self: Record<string, unknown> } = { self: {} };
  sandbox.self = sandbox as unknown as Record<string, unknown>;
  vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox, { timeout: 1000 });

  return clientManifestSchema.parse(
    (sandbox as unknown as Record<string, unknown>).__RSC_MANIFEST,
  );
}

/**
 * First-load JavaScript of an app route from the build output: the root main
 * files every page loads (build-manifest.json) plus every client chunk the
 * route's segments (layouts, error and not-found boundaries, the page)
 * declare in its client reference manifest, each file counted once, gzipped.
 * Legacy polyfills (nomodule) are left out: modern browsers skip them.
 */
export function measureFirstLoadJs(
  distDir: string,
  route: string,
): FirstLoadJs {
  const buildManifest = buildManifestSchema.parse(
    JSON.parse(
      fs.readFileSync(path.join(distDir, 'build-manifest.json'), 'utf8'),
    ),
  );
  const manifestFile = findPageManifest(
    path.join(distDir, 'server', 'app'),
    route,
  );
  if (!manifestFile) {
    throw new Error(`No client reference manifest for ${route} in ${distDir}`);
  }
  const files = new Set(buildManifest.rootMainFiles);
  for (const page of Object.values(readClientManifest(manifestFile))) {
    for (const chunks of Object.values(page.entryJSFiles)) {
      for (const chunk of chunks) files.add(chunk);
    }
  }
  let gzipBytes = 0;
  for (const file of files) {
    const source = fs.readFileSync(path.join(distDir, file));
    gzipBytes += zlib.gzipSync(source, { level: 9 }).length;
  }

  return { route, files: files.size, gzipBytes };
}
