/**
 * Checks of explanation records (`xai-bench/explanation@1`) that JSON Schema cannot express, run by
 * schemas.ts after the schema passed: concept-path paths alternate node and edge, so their length is
 * odd; the per-sample arrays of generated examples (latents, the tree's parents) are aligned with the
 * samples they describe.
 */

interface Query {
  readonly samples: readonly unknown[];
  readonly latents?: readonly unknown[];
  readonly tree?: { readonly parents: readonly number[] };
}

interface Prediction {
  readonly paths: readonly (readonly string[])[];
}

export function explanationErrors(obj: unknown): string[] {
  const rec = obj as { family: string; explanations?: readonly unknown[] };
  const errors: string[] = [];
  if (rec.family === 'concept-path') {
    (rec.explanations as readonly Prediction[]).forEach((p, i) =>
      p.paths.forEach((path, j) => {
        if (path.length % 2 === 0) errors.push(`/explanations/${i}/paths/${j}: ${path.length} entries, expected an odd number ([node, edge, node, ...])`);
      }),
    );
  }
  if (rec.family === 'examples') {
    (rec.explanations as readonly Query[]).forEach((q, i) => {
      const n = q.samples.length;
      if (q.latents && q.latents.length !== n) errors.push(`/explanations/${i}/latents: ${q.latents.length} latents for ${n} samples`);
      if (q.tree && q.tree.parents.length !== n) errors.push(`/explanations/${i}/tree/parents: ${q.tree.parents.length} parents for ${n} samples`);
      q.tree?.parents.forEach((p, j) => {
        if (p >= j) errors.push(`/explanations/${i}/tree/parents/${j}: parent ${p} is not an earlier sample`);
      });
    });
  }
  return errors;
}
