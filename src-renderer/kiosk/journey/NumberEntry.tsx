/**
 * Typing a receipt's number by touch: the keys an official 案号 or a provisional number needs
 * (digits, brackets, the court's province character, 执 and its companions, 号, 临, the hex
 * letters and dash of a provisional number). Stands alone behind `value`/`onChange`, so the
 * case-number composer (issue 12 item 1) can take its place.
 */
import { useL } from '../../ui/fields.js';
import './journey.css';

export interface NumberEntryProps {
  value: string;
  onChange(v: string): void;
  /** The kiosk court's code (e.g. 豫0811): its characters get keys of their own. */
  courtCode: string;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
const CASE_KEYS = ['（', '）', '执', '恢', '保', '异', '复', '号'];
const PROVISIONAL_KEYS = ['临', '-', 'A', 'B', 'C', 'D', 'E', 'F'];

export function NumberEntry({ value, onChange, courtCode }: NumberEntryProps) {
  const l = useL();
  const province = courtCode.slice(0, 1);
  const keys = [...DIGITS, ...CASE_KEYS, ...(province ? [province] : []), ...(courtCode ? [courtCode] : []), ...PROVISIONAL_KEYS];
  return (
    <div className="number-entry" data-testid="number-entry">
      <p id="number-entry-label" className="label">
        {l('回执上的案号或临时编号', 'The case number or provisional number on your receipt')}
      </p>
      <output className="shown-number" aria-labelledby="number-entry-label" aria-live="polite" data-testid="typed-number">
        {value || '\u00a0'}
      </output>
      <div className="number-keys" role="group" aria-label={l('编号键盘', 'Number keys')}>
        {keys.map((k) => (
          <button key={k} type="button" className="secondary" onClick={() => onChange(value + k)} data-key={k}>
            {k}
          </button>
        ))}
        <button type="button" className="secondary" onClick={() => onChange([...value].slice(0, -1).join(''))} data-key="delete">
          {l('删除', 'Delete')}
        </button>
        <button type="button" className="secondary" onClick={() => onChange('')} data-key="clear">
          {l('清空', 'Clear')}
        </button>
      </div>
    </div>
  );
}
