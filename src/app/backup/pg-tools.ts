import { spawn } from 'node:child_process';

/** The connection URL without its password (the password goes to the tool in PGPASSWORD). */
export function pgUrlWithoutPassword(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}

/** Environment for pg_dump/pg_restore: ours, plus PGPASSWORD from the URL (kept out of `ps`). */
export function pgClientEnv(url: string): NodeJS.ProcessEnv {
  const env = { ...process.env };
  try {
    const password = new URL(url).password;
    if (password) env.PGPASSWORD = decodeURIComponent(password);
  } catch {
    // Not a URL: libpq reads it as a connection string itself.
  }
  return env;
}

/** Runs a PostgreSQL client tool; rejects with its stderr (and a hint when it is not installed). */
export function runTool(
  tool: 'pg_dump' | 'pg_restore',
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 20_000) stderr += d.toString('utf8');
    });
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'ENOENT'
            ? `${tool} not found: install the PostgreSQL client tools (Debian: postgresql-client) of the server's major version or newer`
            : `${tool} could not start: ${error.message}`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim() || 'no message'}`)),
    );
  });
}
