/**
 * The anchor of `npm run bench:http`: the least an HTTP command can cost on this machine. A
 * bare `node:http` server, no framework, no auth, no validation: it parses the JSON body and
 * stores it with one INSERT (its own transaction), then answers 201. Started as a child process
 * by the benchmark (`node bare-server.js <databaseUrl>`), it prints its port on stdout.
 */
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const url = process.argv[2];
if (!url) {
  console.error('usage: bare-server.js <databaseUrl>');
  process.exit(2);
}
const pool = new pg.Pool({ connectionString: url, max: 20 });
await pool.query(`CREATE TABLE IF NOT EXISTS bench_bare (
  id uuid PRIMARY KEY, stream_name text NOT NULL, type text NOT NULL, data jsonb NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    let body: unknown;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const id = randomUUID();
    pool
      .query('INSERT INTO bench_bare (id, stream_name, type, data) VALUES ($1, $2, $3, $4)', [id, `bare-${id}`, 'BareRecorded', body])
      .then(() => {
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      })
      .catch((e: Error) => {
        res.writeHead(500).end(e.message);
      });
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(typeof address === 'object' && address ? address.port : 0);
});
const stop = () => server.close(() => void pool.end().then(() => process.exit(0)));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
