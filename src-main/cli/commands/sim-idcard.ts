import { defineCommand } from '../command.js';

// Placeholder: implemented with the ID card driver in hardware/id-card.
export const command = defineCommand({
  path: ['sim', 'idcard'],
  summary: '模拟身份证阅读器 (simulate an ID card reader on a pty)',
  help: 'yzt sim idcard — not implemented yet',
  options: {},
  async run(_args, io) {
    io.err('not implemented yet');
    return 1;
  },
});
