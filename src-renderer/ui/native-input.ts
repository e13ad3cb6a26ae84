/**
 * Typing into a React-controlled field from outside React (the on-screen keyboard, the replay
 * of keys held back by the scanner classifier): set the value through the native setter and
 * fire `input`, which is what React listens to.
 */
export type TextControl = HTMLInputElement | HTMLTextAreaElement;

export function isTextControl(el: Element | null): el is TextControl {
  return (el instanceof HTMLInputElement && ['text', 'search', 'tel', 'date', ''].includes(el.type)) || el instanceof HTMLTextAreaElement;
}

function setValue(el: TextControl, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

export function insertText(el: TextControl, text: string): void {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  const next = el.value.slice(0, start) + text + el.value.slice(end);
  setValue(el, next);
  const caret = start + text.length;
  try {
    el.setSelectionRange(caret, caret);
  } catch {
    // date inputs have no selection
  }
}

export function deleteBackward(el: TextControl): void {
  const start = el.selectionStart ?? el.value.length;
  const end = el.selectionEnd ?? el.value.length;
  if (start === end && start === 0) return;
  const from = start === end ? start - [...el.value.slice(0, start)].slice(-1)[0]!.length : start;
  setValue(el, el.value.slice(0, from) + el.value.slice(end));
  try {
    el.setSelectionRange(from, from);
  } catch {
    // date inputs have no selection
  }
}

export function clearText(el: TextControl): void {
  setValue(el, '');
}
