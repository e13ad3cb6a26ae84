import type { AdminOverview } from '../../src-shared/admin/contract.js';

const DEVICE_ZH: Record<string, string> = { idReader: '身份证阅读器', scanner: '扫码枪', receiptPrinter: '收据打印机' };
const STATE_ZH: Record<string, string> = {
  ready: '正常',
  'card-present': '有卡',
  connecting: '连接中',
  disconnected: '未连接',
  error: '故障',
  'not-configured': '未配置',
  external: '外部设备',
};

export function DevicesPanel({ overview, onSelfTest }: { overview: AdminOverview; onSelfTest(): void }) {
  return (
    <section className="panel" data-testid="devices">
      <h2>设备 Devices</h2>
      <table className="devices">
        <tbody>
          {overview.devices.map((d) => (
            <tr key={d.device} data-testid={`device-${d.device}`} className={`state-${d.state}`}>
              <th scope="row">{DEVICE_ZH[d.device] ?? d.device}</th>
              <td>{STATE_ZH[d.state] ?? d.state}</td>
              <td className="target">{d.target ?? '—'}</td>
              <td>{d.message_zh}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="secondary" onClick={onSelfTest} data-testid="self-test">
        设备自检 Self-test
      </button>
      <p className="hint">终端编号 Device: {overview.deviceId.slice(0, 8)} · {overview.enrolled ? '已登记 enrolled' : '未登记 not enrolled'}</p>
    </section>
  );
}
