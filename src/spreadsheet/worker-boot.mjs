// Entry of the parse worker. Compiled (dist/): worker.js sits beside this file. From the
// TypeScript sources (tests, `npm run dengbao`) a worker thread does not always inherit the
// parent's TypeScript loader, so it registers tsx itself unless .ts files already load.
import { existsSync } from 'node:fs';

if (existsSync(new URL('./worker.js', import.meta.url))) {
  await import('./worker.js');
} else {
  try {
    await import('./worker.ts');
  } catch (e) {
    if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
    const { register } = await import('tsx/esm/api');
    register();
    await import('./worker.ts?tsx');
  }
}
