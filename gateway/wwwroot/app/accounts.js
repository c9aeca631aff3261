// Accounts made for somebody else: the one-time password, shown once to whoever made it, and a batch's answer to print
// or save — the admin's accounts page and the coordinator's team pages both hand them out.
import { request } from './api.js';
import { accountOutcomes } from './labels.js';
import { h, notify, badge } from './ui.js';

/** The most accounts one batch request makes (the gateway's AccountsApi.MaxBatchRows). */
export const maxBatch = 200;

/** A one-time password as the person who made it sees it, the only time anybody does. */
export const oneTimePassword = (username, password, boundTo) => h('div', { class: 'once printable', role: 'status' },
  h('p', {}, `账号 `, h('strong', {}, username), boundTo ? `（${boundTo}）` : '', ' 已创建。'),
  h('p', {}, '一次性密码：', h('span', { class: 'secret', 'data-username': username }, password)),
  h('p', { class: 'meta' }, '只显示这一次，请当面或打印后交给本人；首次登录时须设置自己的新密码。'),
  h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => window.print() }, '打印')));

/** RFC 4180 records of a CSV text (the batch answer), header first. */
function parseCsv(text) {
  const records = [];
  let record = [], cell = '', quoted = false;
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(cell); cell = ''; }
    else if (c === '\n') { record.push(cell); records.push(record); record = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell || record.length) { record.push(cell); records.push(record); }
  return records;
}

/**
 * Makes the accounts of `rows` ({ role, communityId | teamId | streetId }) in one request, says how it went, and returns
 * the list of usernames with their one-time passwords (shown this once), with 下载 CSV and 打印 — the CSV is the
 * gateway's, so what is printed is what was made.
 */
export async function createAccounts(rows) {
  const csv = await request('POST', '/api/accounts/batch', { accounts: rows }, { accept: 'text/csv' });
  const [header, ...records] = parseCsv(csv);
  const made = records.filter(r => r[header.indexOf('结果')] === accountOutcomes.created).length;
  notify(`已创建 ${made} 个账号，${records.length - made} 行未创建`, made === records.length ? 'success' : 'error');
  const download = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  return h('div', { class: 'printable' },
    h('h3', {}, '新账号与一次性密码（只显示这一次）'),
    h('ul', { class: 'rows', 'aria-label': '批量创建结果' }, records.map(r => {
      const cell = name => r[header.indexOf(name)] ?? '';
      return h('li', {}, `${cell('所属')}：`, h('strong', {}, cell('用户名') || '—'), ' ',
        cell('一次性密码') ? ['一次性密码 ', h('span', { class: 'secret', 'data-username': cell('用户名') }, cell('一次性密码')), ' '] : null,
        badge(cell('结果'), cell('结果') === accountOutcomes.created ? 'created' : 'failed'),
        cell('说明') ? h('span', { class: 'meta' }, ` ${cell('说明')}`) : null);
    })),
    h('div', { class: 'actions' },
      h('a', { class: 'button', href: download, download: '新账号.csv' }, '下载 CSV'),
      h('button', { type: 'button', onclick: () => window.print() }, '打印')));
}
