import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { verifyOffline, type CheckpointFile } from '#audit';
import { printReport } from './audit-report.js';

/**
 * npm run audit:verify-offline -- --checkpoint cp.json [--checkpoint cp2.json] --export trail.jsonl [--public-key key.pem] [--json]
 * No database: checks each kept checkpoint's Ed25519 signature (against --public-key when
 * given, else the key in the file), rebuilds the Merkle tree from the export of the whole log,
 * compares each checkpoint's root and stream heads, and proves that each later checkpoint
 * extends the earlier one. Names the event when the export does not match. Exit 0 / 1.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const values = (flag: string) => args.flatMap((a, i) => (a === flag && args[i + 1] ? [args[i + 1]] : []));
  const checkpoints = values('--checkpoint');
  const [exportFile] = values('--export');
  const [keyFile] = values('--public-key');
  if (!checkpoints.length || !exportFile) {
    console.error('Usage: npm run audit:verify-offline -- --checkpoint cp.json [--checkpoint cp2.json] --export trail.jsonl [--public-key key.pem] [--json]');
    process.exit(2);
  }
  const files = checkpoints.map((f) => JSON.parse(readFileSync(f, 'utf8')) as CheckpointFile);
  const started = process.hrtime.bigint();
  const lines = createInterface({ input: createReadStream(exportFile, 'utf8'), crlfDelay: Infinity });
  const result = await verifyOffline(files, lines, { publicKeyPem: keyFile ? readFileSync(keyFile, 'utf8') : undefined });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (args.includes('--json')) {
    console.log(JSON.stringify({ ...result, seconds }, null, 2));
  } else {
    printReport(result, seconds, (line) => console.log(line));
    for (const c of result.inclusion) console.log(`checkpoint ${c.checkpoint}: its last event (leaf ${c.leafIndex}) ${c.proven ? 'proven included' : 'NOT proven included'}`);
    for (const c of result.consistency) console.log(`checkpoint ${c.to} (${c.toSize}) ${c.proven ? 'extends' : 'does NOT extend'} checkpoint ${c.from} (${c.fromSize})`);
  }
  process.exit(result.ok ? 0 : 1);
}

main().catch((error) => {
  console.error(`audit:verify-offline failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
});
