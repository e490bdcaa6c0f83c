import assert from 'node:assert/strict';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface UploadUnderWatch {
  readonly status: number;
  readonly body: string;
  readonly tookMs: number;
  /** Latency of each /api/health request sent while the upload was in flight. */
  readonly healthMs: readonly number[];
}

/**
 * Uploads a workbook to a listening server and, until it answers, asks /api/health every 50 ms:
 * what a user of the same server would feel while someone imports a hostile file.
 */
export async function uploadWatchingHealth(
  base: string,
  path: string,
  file: Buffer,
  session: { cookie: string; csrf: string },
): Promise<UploadUnderWatch> {
  const started = performance.now();
  let done = false;
  const upload = fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': XLSX, cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: file,
  }).then(async (res) => {
    done = true;
    return { status: res.status, body: await res.text() };
  });
  const healthMs: number[] = [];
  while (!done) {
    const t0 = performance.now();
    const health = await fetch(`${base}/api/health`);
    assert.equal(health.status, 200);
    await health.text();
    healthMs.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  const answer = await upload;
  return { ...answer, tookMs: performance.now() - started, healthMs };
}
