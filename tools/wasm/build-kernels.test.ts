/**
 * The committed bytes of every WebAssembly kernel (core/wasm-simd/<name>-bytes.ts) are what wabt
 * assembles from its source today: a kernel edited without `npm run build:wasm` fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedSource, KERNEL_DIR, kernelNames } from './build-kernels.js';

describe('WebAssembly kernels', () => {
  it('has kernels to check', () => {
    expect(kernelNames()).toContain('max-pool-grad');
  });

  it.each(kernelNames())('%s: the committed bytes match the source', async (kernel) => {
    const committed = readFileSync(join(KERNEL_DIR, `${kernel}-bytes.ts`), 'utf8');
    expect(committed).toBe(await generatedSource(kernel));
    // And they are a module the runtime accepts, SIMD included.
    const base64 = /'([A-Za-z0-9+/=]+)'/.exec(committed)![1];
    expect(WebAssembly.validate(Buffer.from(base64, 'base64'))).toBe(true);
  });
});
