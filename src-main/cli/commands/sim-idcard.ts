import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { UsageError, defineCommand, optionalInt, requireString } from '../command.js';
import { CardFileError, loadCardFile } from '../../../hardware/id-card/card-json.js';
import { SIM_FAULTS, isSimFault, type SimFault } from '../../../hardware/id-card/simulator/firmware.js';
import { SimulatorError, startIdCardSimulator } from '../../../hardware/id-card/simulator/simulator.js';
import { TextBlockEncodeError } from '../../../hardware/id-card/text-block.js';
import type { IdCard } from '../../../src-shared/domain/id-card.js';

const STDIN_HELP = `命令 (commands): place | remove | fault NAME | fault off | unplug | replug | help   (faults: ${SIM_FAULTS.join(', ')})`;

function parseFault(v: unknown): SimFault | null {
  if (v === undefined) return null;
  if (typeof v === 'string' && isSimFault(v)) return v;
  throw new UsageError(`未知故障 --fault ${String(v)}，可选：${SIM_FAULTS.join(', ')} (unknown fault)`);
}

export const command = defineCommand({
  path: ['sim', 'idcard'],
  summary: '模拟身份证阅读器 (simulate an ID card reader on a pty)',
  help: `
yzt sim idcard --link PATH [--card FILE] [--fault NAME] [--baud N]

在虚拟串口上模拟二代证阅读器（需要 socat）。应用程序打开 PATH，就像打开真实阅读器的串口。
Simulates a second-generation ID card reader on a pseudo-terminal made by socat: the app opens
PATH as if it were the reader's serial port. Runs until Ctrl-C (SIGINT) or SIGTERM.

  --link PATH    path the app opens (a symlink; the simulator side is PATH.sim)
  --card FILE    card JSON (IdCard fields, e.g. tests/fixtures/cards/resident.json) placed at start
  --fault NAME   start with a fault: ${SIM_FAULTS.join(', ')}
  --baud N       baud rate of the simulated port (default 115200)

Standard input, one command a line:
  place          put the card on the reader (again)        remove       lift it
  fault NAME     switch a fault on                         fault off    switch faults off
  unplug         the port disappears                       replug       it comes back
Each event prints one line: "ready", "placed", "removed", "read", "fault NAME", "unplugged", ...
`,
  options: {
    link: { type: 'string' },
    card: { type: 'string' },
    fault: { type: 'string' },
    baud: { type: 'string' },
  },
  async run({ values }, io) {
    const link = resolve(requireString(values, 'link'));
    const fault = parseFault(values.fault);
    const baudRate = optionalInt(values, 'baud', 115200);
    let card: IdCard | null = null;
    try {
      if (typeof values.card === 'string') card = await loadCardFile(values.card);
      const sim = await startIdCardSimulator({ link, card, fault, baudRate });
      sim.on('placed', () => io.out('placed'));
      sim.on('removed', () => io.out('removed'));
      sim.on('read-served', (intact) => io.out(intact ? 'read' : 'read (answer spoiled by the fault)'));
      sim.on('fault', (f) => io.out(`fault ${f ?? 'off'}`));
      sim.on('unplugged', () => io.out('unplugged'));
      sim.on('replugged', () => io.out(`replugged ${sim.appPath}`));
      io.out(`ready ${sim.appPath} card=${card ? card.kind : 'none'} fault=${fault ?? 'off'} baud=${baudRate}`);
      io.out(STDIN_HELP);

      const lines = createInterface({ input: process.stdin });
      const onLine = async (raw: string): Promise<void> => {
        const [word, arg] = raw.trim().split(/\s+/);
        if (!word) return;
        if (word === 'place') {
          if (!card) return io.out('error 没有卡片，请用 --card 指定 (no card: start with --card FILE)');
          sim.placeCard(card);
        } else if (word === 'remove') sim.removeCard();
        else if (word === 'fault' && arg === 'off') sim.setFault(null);
        else if (word === 'fault' && arg && isSimFault(arg)) sim.setFault(arg);
        else if (word === 'unplug') await sim.unplug();
        else if (word === 'replug') await sim.replug();
        else io.out(STDIN_HELP);
      };
      // One command at a time, in order: unplug must finish before a following replug starts.
      let queue = Promise.resolve();
      lines.on('line', (l) => {
        queue = queue.then(() => onLine(l)).catch((e: unknown) => io.err(`error ${e instanceof Error ? e.message : String(e)}`));
      });
      await new Promise<void>((done) => {
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
      });
      lines.close();
      await queue;
      await sim.close();
      io.out('stopped');
      return 0;
    } catch (e) {
      if (e instanceof CardFileError || e instanceof SimulatorError || e instanceof TextBlockEncodeError) {
        io.err(`${e.message_zh} (${e.message_en})`);
        return 1;
      }
      throw e;
    }
  },
});
