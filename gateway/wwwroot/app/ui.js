// Small DOM helpers shared by every page.

/** h('button', {class: 'primary', onclick}, '接单') — an element with attributes, handlers and children. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    // Through the CSSOM: the Content-Security-Policy allows no style attribute.
    else if (name === 'style') Object.assign(element.style, value);
    else if (name === 'html') element.innerHTML = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces an element's children, leaving out the null, undefined and false ones (as h() does). */
export function fill(element, ...children) {
  element.replaceChildren(...children.flat(Infinity).filter(child => child !== undefined && child !== null && child !== false));
  return element;
}

const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });

export const formatTime = iso => (iso ? beijing.format(new Date(iso)) : '—');

/** An ISO time as the value of a datetime-local input, in Beijing time. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600 * 1000);
  return shifted.toISOString().slice(0, 16);
}

/** A datetime-local value read as Beijing time, as ISO with offset. */
export const fromLocalInput = value => (value ? `${value}:00+08:00` : null);

export const percent = ratio => `${Math.round((ratio ?? 0) * 1000) / 10}%`;

export function duration(seconds) {
  if (seconds === null || seconds === undefined) return '—';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} 分钟`;
  if (seconds < 86400 * 2) return `${Math.round(seconds / 360) / 10} 小时`;
  return `${Math.round(seconds / 8640) / 10} 天`;
}

/** Says something to the person: in the live region at the top of the page (read out by screen readers). */
export function notify(message, kind = 'info') {
  const region = document.getElementById('notice');
  region.className = `notice ${kind}`;
  region.textContent = message;
  region.hidden = !message;
}

/** The page's main area: title (focused for keyboard and screen reader users) and content. */
export function page(title, ...content) {
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, title);
  main.replaceChildren(heading, ...content.flat(Infinity).filter(part => part !== null && part !== undefined && part !== false));
  document.title = `${title} · 志愿服务派单系统`;
  heading.focus();
  return main;
}

/** Goes to another page and says something there (each navigation clears the notice it finds). */
export function goTo(hash, message, kind = 'success') {
  if (location.hash !== hash) {
    window.addEventListener('hashchange', () => notify(message, kind), { once: true });
    location.hash = hash;
  } else {
    notify(message, kind);
  }
}

/** Runs an action from a button: disables it meanwhile and shows the error in Chinese. */
export async function act(button, action) {
  if (button) button.disabled = true;
  try {
    return await action();
  } catch (error) {
    notify(error.message, 'error');
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

export const field = (label, control, hint) => {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, hint ? h('small', {}, hint) : null);
};

export const select = (name, options, value, attributes = {}) =>
  h('select', { name, ...attributes }, Object.entries(options).map(([key, label]) => h('option', { value: key, selected: key === value }, label)));

/** Previous / next for page <number> of a list of <total> in pages of <size>; go(n) shows page n. Null when one page holds all. */
export function pager(number, total, size, go) {
  const pages = Math.max(1, Math.ceil(total / size));
  if (pages <= 1) return null;
  const previous = h('button', { type: 'button', disabled: number <= 1 }, '上一页');
  const next = h('button', { type: 'button', disabled: number >= pages }, '下一页');
  previous.addEventListener('click', () => act(previous, () => go(number - 1)));
  next.addEventListener('click', () => act(next, () => go(number + 1)));
  return h('nav', { class: 'actions', 'aria-label': '翻页' }, previous, h('span', {}, `第 ${number} / ${pages} 页`), next);
}

export const badge = (text, kind = '') => h('span', { class: `badge ${kind}` }, text);

export const empty = text => h('p', { class: 'empty' }, text);

/** A bar chart in CSS: one labelled bar per row, the value written beside it. */
export function bars(caption, rows) {
  const max = Math.max(1, ...rows.map(r => r.value));
  return h('figure', { class: 'bars' },
    h('figcaption', {}, caption),
    rows.length ? h('ul', {}, rows.map(r => h('li', {},
      h('span', { class: 'bar-label' }, r.label),
      h('span', { class: 'bar-track', 'aria-hidden': 'true' }, h('span', { class: 'bar-fill', style: { width: `${(r.value / max) * 100}%` } })),
      h('span', { class: 'bar-value' }, r.text ?? String(r.value))))) : empty('暂无数据'));
}

/**
 * Asks for a reason in a small form under the button (instead of a browser prompt): returns a promise of the text,
 * or null when the person cancels.
 */
export function askReason(button, label) {
  button.parentElement.querySelector('form.reason-form')?.remove();
  return new Promise(resolve => {
    const text = h('textarea', { name: 'reason', rows: '2', required: true, maxlength: '500' });
    const ok = h('button', { type: 'submit', class: 'primary' }, '确定');
    const cancel = h('button', { type: 'button' }, '取消');
    const form = h('form', { class: 'inline-form reason-form', 'aria-label': `填写${label}` }, field(label, text), h('div', { class: 'actions' }, ok, cancel));
    form.addEventListener('submit', event => { event.preventDefault(); form.remove(); resolve(text.value.trim() || null); });
    cancel.addEventListener('click', () => { form.remove(); button.focus(); resolve(null); });
    button.after(form);
    text.focus();
  });
}

/**
 * A table that reads as a table on a desk and as one card per row on a phone (styles.css: each cell shows its column's
 * name before it), so it is never wider than the screen. rows: [{ attributes, cells: [...] }], one cell per column.
 */
export function dataTable(caption, columns, rows) {
  return h('table', { class: 'stack' },
    caption ? h('caption', {}, caption) : null,
    h('thead', {}, h('tr', {}, columns.map(c => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows.map(row => h('tr', row.attributes ?? {},
      row.cells.map((cell, i) => h('td', { 'data-label': columns[i] }, cell))))));
}

/** A group of checkboxes, one per option { key: label }, the ones in `checked` ticked; read it with checkedValues. */
export function checkboxes(legend, name, options, checked = [], hint) {
  return h('fieldset', { class: 'field choices' },
    h('legend', {}, legend),
    h('div', { class: 'choice-list' }, Object.entries(options).map(([key, label]) => h('label', { class: 'choice' },
      h('input', { type: 'checkbox', name, value: key, checked: checked.includes(key) }), ' ', label))),
    hint ? h('small', {}, hint) : null);
}

export const checkedValues = (container, name) =>
  [...container.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value);

/** Items written in one box, separated by 、 , or ; as people write them. */
export const splitList = text => text.split(/[、,，;；]/).map(s => s.trim()).filter(Boolean);
