/**
 * The reader contract against real hardware: `YZT_TEST_PORT=/dev/ttyUSB0 npx vitest run
 * tests/integration/hardware/idcard/reader-real.test.ts`, with a person at the reader who
 * follows the prompts (place / lift the card). Skipped when YZT_TEST_PORT is not set.
 */
import { openSerialIdCardReader } from '../../../../hardware/id-card/index.js';
import { nextEvent } from './helpers.js';
import { readerContract } from './reader-contract.js';

const port = process.env.YZT_TEST_PORT;
const baudRate = Number(process.env.YZT_TEST_BAUD ?? 115200);

readerContract(
  `real reader on ${port ?? '(YZT_TEST_PORT not set)'}`,
  async ({ cardPlaced }) => {
    const reader = openSerialIdCardReader({ path: port ?? '', baudRate });
    const prompt = (zh: string, en: string): void => void process.stderr.write(`\n>>> ${zh} / ${en}\n`);
    prompt(cardPlaced ? '请将身份证放在阅读器上' : '请从阅读器上拿走身份证', cardPlaced ? 'Put a card on the reader' : 'Take any card off the reader');
    return {
      reader,
      expected: undefined,
      async placeCard() {
        prompt('请将身份证放在阅读器上', 'Put the card on the reader');
      },
      async removeCard() {
        prompt('请拿走身份证', 'Lift the card off the reader');
        await nextEvent(reader, 'removed', () => true, 60_000);
      },
      close: async () => undefined,
    };
  },
  { skip: !port, simulator: false },
);
