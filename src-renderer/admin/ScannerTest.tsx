import { useEffect, useRef, useState } from 'react';
import type { ScannerScanView } from '../../src-shared/api/contract.js';
import { WedgeClassifier } from '../../src-shared/scan/wedge.js';

export type ScannerMode = 'serial' | 'keyboard-wedge' | 'camera';

const WAIT_MS = 10_000;

interface Props {
  mode: ScannerMode | '';
  /** Serial mode: the kiosk reads the port only once it is saved, so the test needs it saved. */
  savedSerial: boolean;
  onScan(listener: (scan: ScannerScanView) => void): () => void;
}

type Result = { ok: boolean; text: string } | null;

/**
 * "Scan a code now": the next scan within ten seconds is shown with its charset. Serial scans
 * come from the kiosk's device manager (the 'scanner.scan' event); wedge scans are told from
 * typing by the same classifier the applicant screens use, and kept out of the form fields.
 */
export function ScannerTest({ mode, savedSerial, onScan }: Props) {
  const [waiting, setWaiting] = useState(false);
  const [result, setResult] = useState<Result>(null);
  const stop = useRef<() => void>(() => {});

  useEffect(() => () => stop.current(), []);

  const finish = (r: Result) => {
    stop.current();
    setWaiting(false);
    setResult(r);
  };

  const start = () => {
    stop.current();
    setResult(null);
    setWaiting(true);
    const timer = setTimeout(
      () => finish({ ok: false, text: `${WAIT_MS / 1000} 秒内没有收到扫码：请检查扫码枪的连接和设置（No scan within ${WAIT_MS / 1000} s）` }),
      WAIT_MS,
    );
    let off: () => void;
    if (mode === 'serial') {
      off = onScan((s) => finish({ ok: true, text: `收到扫码：${s.reading.text}（字符集 ${s.charset}${s.charsetConfident ? '' : '，不确定'}）Scanned` }));
    } else {
      const wedge = new WedgeClassifier();
      const onKey = (e: KeyboardEvent) => {
        e.preventDefault();
        e.stopPropagation();
        for (const ev of wedge.feed(e.key, e.timeStamp)) {
          if (ev.type === 'scan') finish({ ok: true, text: `收到扫码：${ev.text}（键盘模式，平均 ${Math.round(ev.avgGapMs)} 毫秒/字）Scanned` });
        }
      };
      window.addEventListener('keydown', onKey, true);
      off = () => window.removeEventListener('keydown', onKey, true);
    }
    stop.current = () => {
      clearTimeout(timer);
      off();
      stop.current = () => {};
    };
  };

  if (mode === '') return null;
  if (mode === 'camera') return <p className="hint">摄像头扫码在申请页面的扫码步骤中使用。The camera is used on the applicant's scan step.</p>;
  const blocked = mode === 'serial' && !savedSerial;
  return (
    <>
      <div className="actions">
        <button type="button" className="secondary" disabled={waiting || blocked} data-testid="test-scanner" onClick={start}>
          测试扫码 Test scan
        </button>
      </div>
      {blocked && <p className="hint">请先保存设置，终端打开扫码枪串口后再测试。Save first; the kiosk then opens the port.</p>}
      {waiting && (
        <p className="field-ok" role="status" data-testid="scanner-test-result">
          请现在扫一个码（10 秒内）Scan a code now
        </p>
      )}
      {result && (
        <p className={result.ok ? 'field-ok' : 'field-error'} role="status" data-testid="scanner-test-result">
          {result.text}
        </p>
      )}
    </>
  );
}
