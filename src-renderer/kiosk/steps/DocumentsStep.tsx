import { useState } from 'react';
import type { DocumentKind } from '../../../src-shared/domain/filing.js';
import { Choice, useL } from '../../ui/fields.js';
import { useMsg } from '../../ui/i18n.js';
import { CameraView, grabFrame, useCamera } from '../DocumentCamera.js';
import { ScanConfirm } from './ScanConfirm.js';
import type { StepProps } from './step-props.js';

/** Photograph the pages: thumbnails, retake and delete. The pages live in the kiosk's database. */
export function DocumentsStep({ a, set, bridge }: StepProps) {
  const l = useL();
  const msg = useMsg();
  const cam = useCamera();
  const [kind, setKind] = useState<DocumentKind>(a.filer === 'agent' ? 'attorney' : a.filer === 'company' ? 'licence' : 'basis');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A case number read from a code on the photographed page: offered, never filled in unasked.
  const [offered, setOffered] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const take = async (replace?: string) => {
    const v = cam.videoRef.current;
    const frame = v ? grabFrame(v) : null;
    if (!frame) {
      setError(l('高拍仪还没有画面，请稍等再拍', 'The camera shows no picture yet; wait a moment'));
      return;
    }
    setBusy(true);
    setError(null);
    const r = await bridge['document.add']({ kind, dataUrl: frame.full });
    setBusy(false);
    if (!r.ok) {
      setError(msg(r.error));
      return;
    }
    if (replace) void bridge['document.remove']({ id: replace });
    const found = r.value.basisNumber;
    setNote(null);
    setOffered(found && found !== a.basisNumber ? found : null);
    const doc = { id: r.value.id, kind, thumb: frame.thumb };
    set({ documents: replace ? a.documents.map((d) => (d.id === replace ? doc : d)) : [...a.documents, doc] });
  };
  const remove = (id: string) => {
    void bridge['document.remove']({ id });
    set({ documents: a.documents.filter((d) => d.id !== id) });
  };
  const kindLabel = (k: DocumentKind) =>
    ({ basis: l('执行依据（判决书等）', 'Basis document'), attorney: l('授权委托书', 'Power of attorney'), licence: l('营业执照', 'Business licence'), evidence: l('其他证据', 'Evidence'), signature: l('签名', 'Signature'), other: l('其他材料', 'Other') })[k];

  return (
    <div className="stack">
      {a.filer === 'agent' && <p className="notice">{l('代理申请须拍摄授权委托书。', 'An agent must photograph the power of attorney.')}</p>}
      <Choice<DocumentKind>
        name="doc-kind"
        legend={l('现在拍摄的是', 'You are photographing')}
        value={kind}
        onChange={setKind}
        options={(['basis', 'attorney', 'licence', 'evidence'] as const).map((k) => ({ value: k, label: kindLabel(k) }))}
      />
      <CameraView {...cam} />
      <button type="button" className="primary big" onClick={() => void take()} disabled={busy || cam.state !== 'live'} data-testid="take-photo">
        {busy ? l('正在保存…', 'Saving…') : l('拍照', 'Take photo')}
      </button>
      {error && (
        <p className="error-banner" role="alert">
          {error}
        </p>
      )}
      {offered && (
        <ScanConfirm
          value={offered}
          onConfirm={() => {
            set({ basisNumber: offered, basisSource: 'camera' });
            setOffered(null);
            setNote(l('已填入您核对过的执行依据案号', 'The basis document number you checked has been filled in'));
          }}
          onRescan={() => {
            setOffered(null);
            setNote(l('未采用照片上的案号，请在“执行依据”一步核对或输入', 'The number on the photo was not used; check or type it at the basis step'));
          }}
        />
      )}
      {note && (
        <p className="notice" role="status" data-testid="photo-basis-note">
          {note}
        </p>
      )}
      <ul className="thumbs" aria-label={l('已拍摄的材料', 'Pages taken')} data-testid="thumbs">
        {a.documents.map((d, i) => (
          <li key={d.id}>
            <img src={d.thumb} alt={`${kindLabel(d.kind)} ${l('第', 'page ')}${i + 1}${l('页', '')}`} />
            <span>{kindLabel(d.kind)}</span>
            <button type="button" className="secondary" onClick={() => void take(d.id)} disabled={busy || cam.state !== 'live'}>
              {l('重拍', 'Retake')}
            </button>
            <button type="button" className="secondary" onClick={() => remove(d.id)}>
              {l('删除', 'Delete')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
