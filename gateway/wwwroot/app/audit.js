// The admin's audit page: who read residents' contact data, signed in or changed what, from where and when.
import { get, request } from './api.js';
import { roles, auditActions } from './labels.js';
import { h, fill, act, field, select, empty, pager, formatTime, fromLocalInput, notify } from './ui.js';

export const pages = [[/^\/audit$/, showAudit]];

const subjects = { need: '需求', account: '账号', team: '队伍', place: '区划', audit: '审计日志' };

async function showAudit(current) {
  const action = select('action', { '': '全部操作', ...auditActions }, '');
  const username = h('input', { name: 'username', maxlength: '64', autocomplete: 'off' });
  const address = h('input', { name: 'address', maxlength: '45', autocomplete: 'off', inputmode: 'decimal' });
  const subjectId = h('input', { name: 'subjectId', maxlength: '36', autocomplete: 'off' });
  const traceId = h('input', { name: 'traceId', maxlength: '32', autocomplete: 'off' });
  const from = h('input', { name: 'from', type: 'datetime-local' });
  const to = h('input', { name: 'to', type: 'datetime-local' });
  const search = h('button', { type: 'submit', class: 'primary' }, '查询');
  const exportButton = h('button', { type: 'button' }, '导出 CSV');
  const filters = h('form', { class: 'card', 'aria-label': '查找审计记录' },
    h('div', { class: 'grid' },
      field('操作', action), field('用户名', username), field('客户端地址', address, '可只填开头，如 10.0.'),
      field('对象编号', subjectId, '需求、账号或队伍的编号'), field('追踪编号', traceId, '32 位十六进制'),
      field('起始时间', from), field('截止时间', to)),
    h('div', { class: 'actions' }, search, exportButton));
  const results = h('div', { 'aria-live': 'polite' });
  const pageSize = 20;
  let number = 1;

  function query() {
    const params = new URLSearchParams();
    for (const [key, control] of [['action', action], ['username', username], ['address', address], ['subjectId', subjectId], ['traceId', traceId]])
      if (control.value.trim()) params.set(key, control.value.trim());
    if (from.value) params.set('from', fromLocalInput(from.value));
    if (to.value) params.set('to', fromLocalInput(to.value));
    return params;
  }

  async function load() {
    const params = query();
    params.set('page', String(number));
    params.set('pageSize', String(pageSize));
    const found = await get(`/api/audit?${params}`);
    fill(results,
      h('p', { class: 'meta' }, `共 ${found.total} 条记录`),
      pager(number, found.total, pageSize, n => { number = n; return load(); }),
      found.items.length ? h('ul', { class: 'cards', 'aria-label': '审计记录' }, found.items.map(entryCard)) : empty('没有符合条件的记录'));
  }

  filters.addEventListener('submit', event => { event.preventDefault(); number = 1; act(search, load); });
  exportButton.addEventListener('click', () => act(exportButton, async () => {
    const csv = await request('GET', `/api/audit/export?${query()}`, undefined, { accept: 'text/csv' });
    const link = h('a', { href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), download: '审计日志.csv', hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    notify('已导出审计日志', 'success');
  }));

  current.page('审计日志',
    h('p', {}, '系统记录每一次查看居民联系方式、每一次登录（成功、失败、锁定）、账号与密码变更、队伍状态与服务清单变更、区划变更，以及订单的改派、转交和取消；记录只能追加，不能修改或删除，按保留期限（至少 180 天）自动清理。'),
    filters, results);
  await load();
}

function entryCard(entry) {
  const who = entry.username ? `${entry.username}${entry.role ? `（${roles[entry.role] ?? entry.role}）` : ''}` : '未登录';
  const about = entry.subjectIds.length ? `${subjects[entry.subjectType] ?? entry.subjectType ?? ''} ${entry.subjectIds.join('、')}` : null;
  return h('li', { class: 'card', 'data-entry-id': entry.entryId },
    h('h3', {}, auditActions[entry.action] ?? entry.action),
    h('p', {}, who),
    h('p', { class: 'meta' }, `${formatTime(entry.at)} · 地址 ${entry.clientAddress ?? '—'} · ${entry.service}`),
    about ? h('p', { class: 'meta wrap' }, about) : null,
    entry.detail ? h('p', { class: 'wrap' }, entry.detail) : null,
    entry.traceId ? h('p', { class: 'meta wrap' }, `追踪编号 ${entry.traceId}`) : null);
}
