// A party branch's side of residents' requests: the inbox (newest first, possible duplicates flagged), accepting a request
// as a draft need, merging it into a need, declining it with a reason the resident reads, filing for a resident (帮办),
// and the community's printable poster with the QR code of its public request page.
import { get, getAll, post, session } from './api.js';
import { categories, needStatuses, requestStatuses, residentProgress } from './labels.js';
import { h, notify, act, formatTime, field, select, badge, empty, fromLocalInput, toLocalInput, askReason, pager, goTo } from './ui.js';

export const pages = [
  [/^\/requests$/, showInbox],
  [/^\/requests\/new$/, showAssisted],
  [/^\/poster$/, showPoster],
];

const duplicateReasons = { same_phone_and_category: '同一电话 14 天内求助过同类服务', similar_text: '与另一条求助内容非常相似' };

async function showInbox(current) {
  const status = select('status', { '': '全部', ...requestStatuses }, 'received', { id: 'request-status' });
  const list = h('div', { class: 'list' });
  current.page('居民求助',
    h('div', { class: 'toolbar' }, field('按处理状态筛选', status), h('a', { class: 'button primary', href: '#/requests/new' }, '帮居民登记')),
    list);
  const size = 20;
  let number = 1;
  async function load() {
    const query = status.value ? `&status=${status.value}` : '';
    const page = await get(`/api/requests/inbox?page=${number}&pageSize=${size}${query}`);
    const pages = pager(number, page.total, size, n => { number = n; return load(); });
    list.replaceChildren(pages ?? '', page.items.length
      ? h('ul', { class: 'cards' }, page.items.map(item => requestCard(item, load)))
      : empty(status.value === 'received' ? '没有待处理的居民求助。' : '还没有居民求助。'));
  }
  status.addEventListener('change', () => { number = 1; act(null, load); });
  await load();
}

function requestCard(item, reload) {
  const actions = h('div', { class: 'actions' });
  if (item.status === 'received') {
    const accept = h('button', { type: 'button', class: 'primary' }, '受理并生成需求');
    accept.addEventListener('click', () => act(accept, async () => {
      const accepted = await post(`/api/requests/inbox/${item.id}/accept`, {});
      goTo(`#/needs/${accepted.needId}/edit`, '已生成需求草稿：请补充后保存并发布');
    }));
    const merge = h('button', { type: 'button' }, '合并到已有需求');
    merge.addEventListener('click', () => act(merge, () => askNeed(merge, item, reload)));
    const decline = h('button', { type: 'button', class: 'danger' }, '拒绝');
    decline.addEventListener('click', async () => {
      const reason = await askReason(decline, '拒绝原因（居民会看到）');
      if (!reason) return;
      await act(decline, async () => {
        await post(`/api/requests/inbox/${item.id}/decline`, { reason });
        notify('已拒绝，居民可在进度页看到原因', 'success');
        await reload();
      });
    });
    actions.append(accept, merge, decline);
  } else if (item.needId) {
    actions.append(h('a', { href: `#/needs/${item.needId}` }, '查看需求'));
  }
  const duplicates = item.possibleDuplicates ?? [];
  return h('li', { class: `card request${duplicates.length ? ' pending' : ''}`, 'data-request-id': item.id },
    h('h2', {}, `${item.categoryName} · ${item.contactName ?? '（个人信息已删除）'}`),
    h('p', { class: 'meta' }, badge(requestStatuses[item.status] ?? item.status, item.status === 'received' ? 'warn' : ''), ' ',
      badge(residentProgress[item.progress] ?? item.progress, 'accent'),
      item.channel === 'assisted' ? [' ', badge('帮办')] : null,
      duplicates.length ? [' ', badge('可能重复', 'warn duplicate-flag')] : null),
    duplicates.length ? h('p', { class: 'reason duplicate' }, duplicates.map(d => `${duplicateReasons[d.reason] ?? d.reason}（${formatTime(d.filedAt)}）`).join('；')) : null,
    h('p', {}, item.description ?? '—'),
    h('dl', {},
      h('dt', {}, '希望时间'), h('dd', {}, formatTime(item.wantedAt)),
      h('dt', {}, '电话'), h('dd', {}, item.contactPhone ?? '—'),
      h('dt', {}, '地址'), h('dd', {}, item.address ?? '—'),
      h('dt', {}, '提交时间'), h('dd', {}, formatTime(item.createdAt)),
      item.declineReason ? [h('dt', {}, '拒绝原因'), h('dd', {}, item.declineReason)] : null,
      item.residentScore ? [h('dt', {}, '居民评价'), h('dd', {}, `${'★'.repeat(item.residentScore)} ${item.residentComment ?? ''}`)] : null),
    actions);
}

async function askNeed(button, item, reload) {
  button.parentElement.querySelector('form.merge-form')?.remove();
  const needs = await getAll('/api/needs?status=draft').catch(() => ({ items: [] }));
  const open = [...needs.items];
  for (const state of ['published', 'claimed', 'in_service']) open.push(...(await getAll(`/api/needs?status=${state}`)).items);
  if (!open.length) return notify('本社区没有可合并的进行中需求', 'error');
  const need = h('select', { name: 'needId' }, open.map(n => h('option', { value: n.id }, `${n.title}（${needStatuses[n.status]}）`)));
  const ok = h('button', { type: 'submit', class: 'primary' }, '确定合并');
  const form = h('form', { class: 'inline-form merge-form', 'aria-label': '合并到已有需求' }, field('合并到', need), ok);
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(ok, async () => {
      await post(`/api/requests/inbox/${item.id}/merge`, { needId: need.value });
      notify('已合并到需求', 'success');
      await reload();
    });
  });
  button.after(form);
  need.focus();
}

function showAssisted(current) {
  const category = select('category', { '': '请选择', ...categories }, '');
  category.required = true;
  const description = h('textarea', { name: 'description', rows: '4', required: true, maxlength: '1000' });
  const wantedAt = h('input', { name: 'wantedAt', type: 'datetime-local', required: true });
  wantedAt.value = toLocalInput(new Date(Date.now() + 24 * 3600 * 1000).toISOString()).slice(0, 14) + '00';
  const contactName = h('input', { name: 'contactName', required: true, maxlength: '50' });
  const contactPhone = h('input', { name: 'contactPhone', type: 'tel', required: true, maxlength: '30' });
  const address = h('input', { name: 'address', required: true, maxlength: '200' });
  const consent = h('input', { name: 'consent', type: 'checkbox', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, '登记求助');
  const form = h('form', { class: 'card', 'aria-label': '帮居民登记求助' },
    field('需要的服务', category), field('需要什么帮助', description), field('希望服务的时间', wantedAt),
    field('居民称呼', contactName), field('居民电话', contactPhone), field('居民地址', address),
    h('div', { class: 'field' }, h('label', { class: 'choice' }, consent, '已向居民说明个人信息的使用方式，居民同意')),
    submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(submit, async () => {
      const filed = await post('/api/requests/assisted', {
        category: category.value, description: description.value, wantedAt: fromLocalInput(wantedAt.value),
        contactName: contactName.value, contactPhone: contactPhone.value, address: address.value, consent: consent.checked,
      });
      current.page('已登记',
        h('div', { class: 'card once' },
          h('p', {}, '请把查询码告诉居民：凭电话号码和查询码可以查询进度。'),
          h('p', {}, '查询码：', h('strong', { class: 'secret' }, filed.lookupCode)),
          h('p', {}, '进度链接：', h('a', { href: filed.trackingPath }, new URL(filed.trackingPath, location.origin).href))),
        h('p', {}, h('a', { href: '#/requests' }, '返回居民求助')));
    });
  });
  current.page('帮居民登记求助', h('p', {}, '居民上门或来电求助时，由党支部代为登记（帮办）。'), form);
}

async function showPoster(current) {
  const poster = await get('/api/requests/poster');
  // The QR code is an image behind the branch's token: fetched, then shown from memory.
  const response = await fetch(poster.qrCodePath, { headers: { authorization: `Bearer ${session.get()?.token}` } });
  const source = response.ok ? URL.createObjectURL(await response.blob()) : '';
  const print = h('button', { type: 'button', class: 'primary no-print', onclick: () => window.print() }, '打印海报');
  current.page('求助海报',
    h('p', { class: 'no-print' }, '打印后张贴在社区公告栏、楼道和活动室：居民用手机扫码即可求助，不用注册账号。浏览器的打印对话框里也可以选“另存为 PDF”。'),
    h('section', { class: 'card poster', 'aria-labelledby': 'poster-title' },
      h('h2', { id: 'poster-title' }, `${poster.communityName ?? '本社区'} · 居民求助`),
      h('p', {}, '需要养老、助残、儿童关爱、法律咨询等帮助？'),
      h('p', {}, h('strong', {}, '微信或手机扫一扫，填写求助')),
      source ? h('img', { src: source, alt: `求助页面二维码：${poster.askUrl}`, id: 'poster-qr' }) : h('p', { class: 'error' }, '二维码生成失败'),
      h('p', { class: 'url' }, poster.askUrl),
      h('p', { class: 'meta' }, `${poster.branchName ?? '社区党支部'}受理 · 志愿服务队伍上门服务`)),
    print);
  return () => { if (source) URL.revokeObjectURL(source); };
}
