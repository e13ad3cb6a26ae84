/**
 * The CMPP simulator as its own program, for trying the central by hand:
 *   npx tsx tests/support/cmpp-sim/main.ts --source-addr 901234 --secret S [--port N]
 * Prints "listening PORT", then one JSON line per message received. Standard input takes
 * "fail N [RESULT]", "drop" (cut links now) and "drop-next N" (cut the link on the next submits).
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { CmppSimulator } from './simulator.js';

const { values } = parseArgs({ options: { 'source-addr': { type: 'string' }, secret: { type: 'string' }, port: { type: 'string' } } });
const sim = new CmppSimulator({ sourceAddr: values['source-addr'] ?? '901234', secret: values.secret ?? '', port: Number(values.port ?? 0) });
const port = await sim.start();
process.stdout.write(`listening ${port}\n`);
sim.on('message', (m) => process.stdout.write(`${JSON.stringify(m)}\n`));
createInterface({ input: process.stdin }).on('line', (line) => {
  const [cmd, a, b] = line.trim().split(/\s+/);
  if (cmd === 'fail') sim.failSubmits(Number(a ?? 1), Number(b ?? 8));
  else if (cmd === 'drop') sim.dropAll();
  else if (cmd === 'drop-next') sim.dropOnSubmit(Number(a ?? 1));
});
const stop = () => void sim.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
