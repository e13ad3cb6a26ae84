/**
 * The ID card reader contract over the HID path: IdCardReader -> hidBinding (report framing)
 * -> a fake node-hid device running the simulator firmware. One run per framing variant.
 */
import { IdCardReader } from '../../../hardware/id-card/reader.js';
import { hidBinding } from '../../../hardware/hid/hid-binding.js';
import { vidPid } from '../../../hardware/hid/hid-api.js';
import { startFakeHidReader } from '../../../hardware/hid/simulator/fake-hid-reader.js';
import type { HidFraming } from '../../../hardware/hid/framing.js';
import type { CardReaderPort } from '../../../src-main/devices/card-reader-port.js';
import { fixtureCard } from '../hardware/idcard/helpers.js';
import { readerContract, simulatorHarness } from '../hardware/idcard/reader-contract.js';
import { FAST } from './manager-helpers.js';

const variants: [string, HidFraming, string][] = [
  ['length-prefixed, 64-byte numbered reports (id 2), by vid:pid', { kind: 'length-prefixed', reportSize: 64, reportId: 2 }, 'vidpid'],
  ['raw-padded, 32-byte unnumbered reports, by path', { kind: 'raw-padded', reportSize: 32, reportId: null }, 'path'],
];

for (const [name, framing, by] of variants) {
  readerContract(
    `HID ${name}`,
    async ({ cardPlaced }) => {
      const card = fixtureCard('rare-chars');
      const sim = startFakeHidReader({ framing, card: cardPlaced ? card : null, slowMs: 600, others: [{ vendorId: 0x046d, productId: 0xc31c, path: '/dev/hidraw-kbd' }] });
      const target = by === 'path' ? sim.info.path! : vidPid(sim.info);
      // The pty contract's timings: the slow fault (600 ms) answers past the 250 ms timeout.
      const reader = new IdCardReader({ binding: hidBinding({ target, framing, api: sim.api }), ...FAST });
      reader satisfies CardReaderPort;
      return simulatorHarness(reader, sim, card, { notFoundZh: /找不到 HID 读卡器/ });
    },
    { simulator: true },
  );
}
