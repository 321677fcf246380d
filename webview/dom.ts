// Tiny DOM helpers: elements are built with textContent and attributes, never innerHTML, so
// nothing from a message can become markup. The controls are VS Code's own web components
// (@vscode-elements/elements, registered in elements.ts): every section that builds its controls
// here gets them, with VS Code's look, focus rings and keyboard behaviour.
import type { VscodeButton } from '@vscode-elements/elements/dist/vscode-button/vscode-button.js';
import type { VscodeCheckbox } from '@vscode-elements/elements/dist/vscode-checkbox/vscode-checkbox.js';
import type { VscodeSingleSelect } from '@vscode-elements/elements/dist/vscode-single-select/vscode-single-select.js';
import type { VscodeTextfield } from '@vscode-elements/elements/dist/vscode-textfield/vscode-textfield.js';
import './elements';

export type { VscodeButton, VscodeCheckbox, VscodeSingleSelect, VscodeTextfield };

type Attrs = Record<string, string | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== undefined && c !== false) node.append(c);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string> = {}): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

/** A codicon glyph (the font and its CSS come from @vscode/codicons, shipped in dist/codicons). */
export function codicon(name: string, attrs: Attrs = {}): HTMLSpanElement {
  return el('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true', ...attrs });
}

/**
 * VS Code's button; `secondary` for the less important one, `icon` a codicon name drawn before
 * the text. A disabled button takes no clicks (the component stops pointer and key activation).
 */
export function button(text: string, onClick: () => void, attrs: Attrs = {}, secondary = false, icon?: string): VscodeButton {
  const b = el('vscode-button', { ...(secondary ? { secondary: '' } : {}), ...(icon ? { icon } : {}), ...attrs }, text);
  b.addEventListener('click', () => {
    if (!b.disabled) onClick();
  });
  return b;
}

/** A small toolbar-style button with a codicon and a text (chart export, closing a notice). */
export function iconButton(icon: string, text: string, title: string, onClick: () => void, attrs: Attrs = {}): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'icon-button', title, 'aria-label': title, ...attrs }, codicon(icon), text ? el('span', {}, text) : undefined);
  b.addEventListener('click', onClick);
  return b;
}

let uid = 0;
/**
 * A label + control pair. The label is tied to the control by id (clicking it focuses the
 * control) and, for VS Code's text fields and selects, also given as the control's own `label`,
 * which the input inside its shadow root is named by (screen readers read it).
 */
export function labelled(text: string, control: HTMLElement, cls = 'field'): HTMLElement {
  if (!control.id) control.id = `f${++uid}`;
  if (control.localName.startsWith('vscode-') && !control.hasAttribute('label')) control.setAttribute('label', text);
  return el('div', { class: cls }, el('label', { for: control.id }, text), control);
}

export function checkbox(text: string, checked: boolean, onChange: (checked: boolean) => void, attrs: Attrs = {}): VscodeCheckbox {
  const box = el('vscode-checkbox', { ...attrs }, text);
  box.checked = checked;
  box.addEventListener('change', () => onChange(box.checked));
  return box;
}

export function select<T extends string>(options: readonly { value: T; text: string }[], value: T, onChange: (v: T) => void, attrs: Attrs = {}): VscodeSingleSelect {
  const s = el('vscode-single-select', attrs);
  for (const o of options) s.append(el('vscode-option', { value: o.value, ...(o.value === value ? { selected: '' } : {}) }, o.text));
  s.value = value;
  // The select finishes its own update (its popover) after 'change': a handler that redraws the
  // section would pull it out of the page mid-update, so the choice is handled a task later.
  s.addEventListener('change', () => { setTimeout(() => onChange(s.value as T), 0); });
  return s;
}

/** VS Code's text field (type text or number); listen for `input` (each edit) or `change` (Enter, or leaving it). */
export function textField(value: string, attrs: Attrs = {}, type: 'text' | 'number' = 'text'): VscodeTextfield {
  const f = el('vscode-textfield', { type, ...attrs });
  f.value = value;
  return f;
}

/**
 * A whole-number field checked on change: a value outside [min, max] (or not a whole number) is
 * marked invalid and not passed on; a valid one clears the mark and goes to `onValid`.
 */
export function integerField(value: number, min: number, max: number, onValid: (v: number) => void, attrs: Attrs = {}): VscodeTextfield {
  const f = textField(String(value), { min: String(min), max: String(max), step: '1', class: 'num-input', ...attrs }, 'number');
  f.addEventListener('change', () => {
    const v = Number(f.value);
    const ok = f.value.trim() !== '' && Number.isInteger(v) && v >= min && v <= max;
    f.invalid = !ok;
    if (ok) f.removeAttribute('aria-invalid');
    else f.setAttribute('aria-invalid', 'true');
    if (ok) onValid(v);
  });
  return f;
}
