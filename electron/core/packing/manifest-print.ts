import type { Operator } from '../../../shared/domain/master-data';
import type { PrintJob } from '../../../shared/domain/packing';
import { notFound } from '../kernel/errors';
import type { Bench } from './bench';
import { buildManifestPdf } from './manifest-document';
import { manifestView } from './manifests';

/** Prints a manifest for the driver to sign (PDF on the document printer). */
export async function printManifest(bench: Bench, operator: Operator, manifestId: string): Promise<PrintJob> {
  const { repo, ctx } = bench;
  const row = repo.manifest(manifestId);
  if (!row) throw notFound('errors.notFound', { document: manifestId });
  const manifest = manifestView(bench, row);
  const pdf = await buildManifestPdf(manifest, ctx.site().siteName, ctx.clock.now());
  ctx.record(operator, { kind: 'packing.manifest.printed', payload: { manifestId, cartons: manifest.cartons.length } });
  const job = await ctx.devices.print({
    role: 'document-printer',
    kind: 'pdf',
    data: new Uint8Array(pdf),
    idempotencyKey: `manifest:${manifestId}:${manifest.state}:${manifest.cartons.length}`,
    description: `Manifest ${manifestId}`,
  });
  return { id: job.id, state: job.state, description: job.description, ...(job.error ? { error: job.error } : {}) };
}
