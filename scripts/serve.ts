/**
 * Serves a built site locally: `node scripts/serve.ts [dir] [--base /x/] [--port 4321]`.
 *
 * `npm run preview` runs it on dist/. It binds 127.0.0.1 only and prints the
 * URL to open; Ctrl+C stops it.
 */
import { parseArgs } from 'node:util';
import { startStaticServer } from './harness/static-server.ts';

const USAGE = 'usage: node scripts/serve.ts [dir] [--base /x/] [--port 4321]';

/** Parses the command line, starts the server and keeps it running until interrupted. */
export async function main(argv: string[]): Promise<void> {
  const parse = () =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        base: { type: 'string', default: '/' },
        port: { type: 'string', default: '4321' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`, { cause: error });
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length > 1) throw new Error(`expected at most one folder, got ${positionals.join(' ')}\n${USAGE}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port "${values.port}" is not a port number (0–65535; 0 picks a free one)`);
  }
  const server = await startStaticServer({ root: positionals[0] ?? 'dist', base: values.base, port });
  console.log(`Serving ${positionals[0] ?? 'dist'} at ${server.url}  (Ctrl+C to stop)`);
  const stop = (): void => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.main) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`serve: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
