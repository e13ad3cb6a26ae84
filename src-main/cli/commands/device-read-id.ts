import { defineCommand } from '../command.js';

// Placeholder: implemented with the ID card driver in hardware/id-card.
export const command = defineCommand({
  path: ['device', 'read-id'],
  summary: '读取一张身份证并输出 (read one ID card and print it)',
  help: 'yzt device read-id — not implemented yet',
  options: {},
  async run(_args, io) {
    io.err('not implemented yet');
    return 1;
  },
});
