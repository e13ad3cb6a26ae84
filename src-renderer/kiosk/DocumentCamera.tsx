/**
 * The document camera (高拍仪) as a video device: live picture, a photo per page, sent to the
 * kiosk services and kept there; the page keeps only a small thumbnail. The stream stops when
 * the component goes away (end of step, end of session), so no frame outlives the visit.
 */
import { useEffect, useRef, useState } from 'react';
import { useL } from '../ui/fields.js';

const MAX_WIDTH = 1600;

export function useCamera(): { videoRef: React.RefObject<HTMLVideoElement | null>; state: 'starting' | 'live' | 'none' } {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const [state, setState] = useState<'starting' | 'live' | 'none'>('starting');
  useEffect(() => {
    let stream: MediaStream | null = null;
    let cancelled = false;
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) {
      setState('none');
      return;
    }
    media
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((s) => {
        if (cancelled) {
          s.getTracks().forEach((t) => t.stop());
          return;
        }
        stream = s;
        const v = videoRef.current;
        if (!v) return;
        // Live only once frames arrive: before that a photo would be empty.
        v.addEventListener('loadeddata', () => !cancelled && setState('live'), { once: true });
        v.srcObject = s;
        void v.play().catch(() => undefined);
      })
      .catch(() => setState('none'));
    return () => {
      cancelled = true;
      stream?.getTracks().forEach((t) => t.stop());
      if (videoRef.current) videoRef.current.srcObject = null;
    };
  }, []);
  return { videoRef, state };
}

/** One frame of the video as JPEG, plus a thumbnail. */
export function grabFrame(video: HTMLVideoElement): { full: string; thumb: string } | null {
  const w = video.videoWidth;
  const h = video.videoHeight;
  if (!w || !h) return null;
  const scale = Math.min(1, MAX_WIDTH / w);
  const c = document.createElement('canvas');
  c.width = Math.round(w * scale);
  c.height = Math.round(h * scale);
  c.getContext('2d')?.drawImage(video, 0, 0, c.width, c.height);
  const full = c.toDataURL('image/jpeg', 0.8);
  const t = document.createElement('canvas');
  t.width = 200;
  t.height = Math.round((200 * h) / w);
  t.getContext('2d')?.drawImage(c, 0, 0, t.width, t.height);
  const thumb = t.toDataURL('image/jpeg', 0.6);
  c.width = 0; // drop the full frame's pixels at once
  return { full, thumb };
}

export function CameraView({ videoRef, state }: ReturnType<typeof useCamera>) {
  const l = useL();
  return (
    <div className="camera">
      <video ref={videoRef} muted playsInline aria-label={l('高拍仪画面', 'Document camera picture')} data-testid="camera-video" />
      {state === 'starting' && <p role="status">{l('正在打开高拍仪…', 'Opening the document camera…')}</p>}
      {state === 'none' && (
        <p className="error-banner" role="alert" data-testid="camera-none">
          {l('没有找到高拍仪。您可以跳过拍照，到窗口交材料；或请工作人员检查设备。', 'No document camera found. Skip the photos and hand in the papers at the counter, or ask the staff to check the device.')}
        </p>
      )}
    </div>
  );
}
