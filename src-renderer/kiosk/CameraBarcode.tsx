/**
 * Reading the basis document's barcode with the document camera instead of the handheld
 * scanner: the barcode engineer's camera scanner (src-renderer/scan) decodes frames in a
 * worker; the first payload ends the scan. The stream stops with the component.
 */
import { useEffect, useRef, useState } from 'react';
import { startCameraScanner, type CameraScan, type CameraScanner } from '../scan/camera-scanner.js';
import { useL } from '../ui/fields.js';
import { useMsg } from '../ui/i18n.js';

export function CameraBarcode({ onScan, onClose }: { onScan(scan: CameraScan): void; onClose(): void }) {
  const l = useL();
  const msg = useMsg();
  const video = useRef<HTMLVideoElement | null>(null);
  const [problem, setProblem] = useState<{ message_zh: string; message_en: string } | null>(null);
  const done = useRef(onScan);
  done.current = onScan;

  useEffect(() => {
    let scanner: CameraScanner | null = null;
    let stopped = false;
    if (!video.current) return;
    startCameraScanner({
      video: video.current,
      onScan: (s) => {
        if (stopped) return;
        stopped = true;
        scanner?.stop();
        done.current(s);
      },
      onProblem: setProblem,
    })
      .then((s) => {
        scanner = s;
        if (stopped) s.stop();
      })
      .catch(() => undefined);
    return () => {
      stopped = true;
      scanner?.stop();
    };
  }, []);

  return (
    <div className="camera" data-testid="camera-barcode">
      <p>{l('请把文书上的条码/二维码放在高拍仪下', 'Put the barcode or QR code under the document camera')}</p>
      <video ref={video} muted playsInline aria-label={l('高拍仪画面', 'Document camera picture')} />
      {problem && (
        <p className="error-banner" role="alert">
          {msg(problem)}
        </p>
      )}
      <button type="button" className="secondary" onClick={onClose}>
        {l('不用高拍仪，改为手动输入', 'Type it instead')}
      </button>
    </div>
  );
}
