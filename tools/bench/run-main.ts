/**
 * The benchmark scripts' front door: a bad flag or value is one line and exit 2; anything else is a bug,
 * printed with its stack, exit 70. (An uncaught throw would reach the wasm backend's handler, which
 * prints the module's whole source.)
 */
import { isUserError } from '../../core/errors.js';

export function runMain(name: string, main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    const user = isUserError(e) || String((e as { code?: unknown })?.code ?? '').startsWith('ERR_PARSE_ARGS');
    process.stderr.write(user ? `${name}: error: ${(e as Error).message}\n` : `${name}: internal error: ${(e as Error)?.stack}\n`);
    process.exit(user ? 2 : 70);
  });
}
