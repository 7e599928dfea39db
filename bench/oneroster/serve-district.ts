/**
 * Serves a generated district from the in-repo OneRoster provider in its own process, so the
 * benchmark's sync process pays only for its own work. Prints {"url","tokenUrl"} on one line and
 * serves until stdin closes.
 *
 *   node --import tsx bench/oneroster/serve-district.ts <students>
 */
import {
  DistrictDataset,
  DistrictGenerator,
  startOneRosterServer,
} from '../../test/peers/oneroster/index.js';

const students = Number(process.argv[2] ?? 200_000);
const campuses = Math.max(4, Math.round(students / 2500));
const server = await startOneRosterServer({
  dataset: new DistrictDataset(new DistrictGenerator({ seed: 2027, students, campuses })),
  clientId: 'bench-client',
  clientSecret: 'bench-secret',
  maxLimit: 5000,
});
process.stdout.write(
  `${JSON.stringify({ url: server.url, tokenUrl: server.tokenUrl, campuses })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => void server.stop().then(() => process.exit(0)));
