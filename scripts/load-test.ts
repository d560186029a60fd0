// npm run loadtest: 20 uploaders and 200 readers for 60 s against `tasklens start` on a fresh database of the local
// PostgreSQL; prints p50/p95/p99 latencies and exits 1 on any 5xx, network error or upload not stored exactly once.
import { parseArgs } from 'node:util';
import { formatReport, loadTestNewServer } from '../reliability/support/load';
import { DIST_DIR } from '../reliability/support/server';
import { ensureBuild } from './commands/build-check';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '60' }, uploaders: { type: 'string', default: '20' }, readers: { type: 'string', default: '200' }, 'seed-hosts': { type: 'string', default: '20' } },
});
process.env.TASKLENS_DIST_DIR = DIST_DIR;
if (process.env.TASKLENS_NO_BUILD !== '1') ensureBuild(process.cwd());
const report = await loadTestNewServer({ seconds: Number(values.seconds), uploaders: Number(values.uploaders), readers: Number(values.readers), seedHosts: Number(values['seed-hosts']) });
if (!report) {
  console.error('no PostgreSQL answers (TASKLENS_TEST_ADMIN_URL, default postgresql://postgres@127.0.0.1:5432/postgres)');
  process.exit(2);
}
console.log(formatReport(report));
for (const e of [...report.serverErrors, ...report.networkErrors, ...report.missing].slice(0, 20)) console.log(`  ${e}`);
process.exit(report.serverErrors.length || report.networkErrors.length || report.missing.length ? 1 : 0);
