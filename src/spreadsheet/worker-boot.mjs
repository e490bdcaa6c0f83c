// Entry of the parse worker: a worker thread does not always inherit the parent's TypeScript
// loader (not when registered at run time, as bin/dengbao.js does), so it registers tsx itself
// unless .ts files already load.
try {
  await import('./worker.ts');
} catch (e) {
  if (e?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw e;
  const { register } = await import('tsx/esm/api');
  register();
  await import('./worker.ts?tsx');
}
