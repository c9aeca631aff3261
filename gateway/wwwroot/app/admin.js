// The admin's pages: the place directory (with the place-list import) and the accounts of every role.
import { get, getAll, post, patch, request } from './api.js';
import { roles, fieldName, placeOutcomes } from './labels.js';
import { h, fill, notify, act, field, select, badge, empty, pager, formatTime } from './ui.js';
import { oneTimePassword, createAccounts } from './accounts.js';

export const pages = [
  [/^\/places$/, showPlaces],
  [/^\/accounts$/, showAccounts],
];

/** The directory as flat lists with their parents' names: streets ("区 · 街道") and communities. */
function flatten(districts) {
  const streets = districts.flatMap(d => (d.streets ?? []).map(s => ({ ...s, districtId: d.id, districtName: d.name })));
  const communities = streets.flatMap(s => (s.communities ?? []).map(c => ({ ...c, streetId: s.id, streetName: s.name })));
  return { streets, communities };
}

const errorsText = errors => Object.keys(errors ?? {}).map(key => `${fieldName(key)}填写有误`).join('；');

/**
 * A small form under a button (改名, 新增…) with the given fields, each { name, label, value }; `save` gets the values
 * (trimmed), and the form goes away once it succeeded.
 */
function openForm(button, title, fields, save) {
  button.parentElement.parentElement.querySelector(':scope > form.inline-form')?.remove();
  const inputs = fields.map(f => h('input', { name: f.name, value: f.value ?? '', required: f.optional ? null : true, maxlength: '100' }));
  const ok = h('button', { type: 'submit', class: 'primary' }, '保存');
  const cancel = h('button', { type: 'button' }, '取消');
  const form = h('form', { class: 'inline-form', 'aria-label': title },
    fields.map((f, i) => field(f.label, inputs[i])), h('div', { class: 'actions' }, ok, cancel));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const values = Object.fromEntries(fields.map((f, i) => [f.name, inputs[i].value.trim()]));
    if ((await act(ok, () => save(values))) !== undefined) form.remove();
  });
  cancel.addEventListener('click', () => { form.remove(); button.focus(); });
  button.parentElement.after(form);
  inputs[0].focus();
}

async function showPlaces(current) {
  const tree = h('div', {});
  const report = h('div', { 'aria-live': 'polite' });

  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const importButton = h('button', { type: 'submit', class: 'primary' }, '导入');
  const importForm = h('form', { class: 'card', 'aria-label': '导入区划名单' },
    h('h2', {}, '导入区划名单'),
    field('区划名单文件（CSV，UTF-8 或 Excel 导出的 GB18030）', file, '第一行为表头：区/县、街道/镇、社区/村、党组织；每行一个社区（村）。重复导入不会重复新增。'),
    importButton);
  importForm.addEventListener('submit', event => {
    event.preventDefault();
    if (!file.files.length) return notify('请选择文件', 'error');
    act(importButton, async () => {
      const data = new FormData();
      data.append('file', file.files[0]);
      const result = await request('POST', '/api/places/import', data);
      notify(`导入完成：新增社区（村）${result.created} 个，新增区/县 ${result.districtsCreated} 个、街道/镇 ${result.streetsCreated} 个；已存在 ${result.duplicates} 个；有误 ${result.invalid} 行`,
        result.invalid ? 'error' : 'success');
      fill(report,
        h('h3', {}, '逐行结果'),
        result.ignoredColumns?.length ? h('p', {}, `未识别的列：${result.ignoredColumns.join('、')}`) : null,
        h('ul', { class: 'rows', 'aria-label': '逐行结果' }, result.rows.map(row => h('li', { class: row.outcome },
          `第 ${row.line} 行 · ${[row.district, row.street, row.community].filter(Boolean).join(' / ') || '（空）'} `,
          badge(placeOutcomes[row.outcome] ?? row.outcome, row.outcome),
          row.errors ? h('span', { class: 'meta' }, ` ${errorsText(row.errors)}`) : null))));
      await load();
    });
  });

  const districtName = h('input', { name: 'name', required: true, maxlength: '100' });
  const addDistrict = h('button', { type: 'submit' }, '新增区/县');
  const districtForm = h('form', { class: 'toolbar', 'aria-label': '新增区/县' }, field('区/县名称', districtName), addDistrict);
  districtForm.addEventListener('submit', event => {
    event.preventDefault();
    act(addDistrict, async () => {
      await post('/api/places/districts', { name: districtName.value.trim() });
      notify(`已新增区/县：${districtName.value.trim()}`, 'success');
      districtName.value = '';
      await load();
    });
  });

  async function load() {
    const districts = await get('/api/places');
    tree.replaceChildren(districts.length ? h('ul', { class: 'places' }, districts.map(districtItem)) : empty('还没有任何区/县：导入区划名单，或逐个新增。'));
  }

  const changed = async (what, text) => { notify(text, 'success'); await load(); return what; };

  function districtItem(d) {
    const rename = h('button', { type: 'button', class: 'link', 'aria-label': `改名：${d.name}` }, '改名');
    const add = h('button', { type: 'button', class: 'link', 'aria-label': `在${d.name}新增街道/镇` }, '新增街道/镇');
    rename.addEventListener('click', () => openForm(rename, `区/县改名：${d.name}`, [{ name: 'name', label: '新名称', value: d.name }],
      async v => changed(await patch(`/api/places/districts/${d.id}`, { name: v.name }), `已改名为：${v.name}`)));
    add.addEventListener('click', () => openForm(add, `在${d.name}新增街道/镇`, [{ name: 'name', label: '街道/镇名称' }],
      async v => changed(await post(`/api/places/districts/${d.id}/streets`, { name: v.name }), `已新增街道/镇：${v.name}`)));
    return h('li', { 'data-district-id': d.id },
      h('div', { class: 'place-line' }, h('span', { class: 'name' }, d.name), badge('区/县'), rename, add),
      d.streets?.length ? h('ul', {}, d.streets.map(streetItem)) : null);
  }

  function streetItem(s) {
    const rename = h('button', { type: 'button', class: 'link', 'aria-label': `改名：${s.name}` }, '改名');
    const add = h('button', { type: 'button', class: 'link', 'aria-label': `在${s.name}新增社区/村` }, '新增社区/村');
    rename.addEventListener('click', () => openForm(rename, `街道/镇改名：${s.name}`, [{ name: 'name', label: '新名称', value: s.name }],
      async v => changed(await patch(`/api/places/streets/${s.id}`, { name: v.name }), `已改名为：${v.name}`)));
    add.addEventListener('click', () => openForm(add, `在${s.name}新增社区/村`, [{ name: 'name', label: '社区/村名称' }, { name: 'branchName', label: '党组织名称' }],
      async v => changed(await post(`/api/places/streets/${s.id}/communities`, v), `已新增社区/村：${v.name}`)));
    return h('li', { 'data-street-id': s.id },
      h('div', { class: 'place-line' }, h('span', { class: 'name' }, s.name), badge('街道/镇'), h('span', { class: 'meta' }, `${s.communities?.length ?? 0} 个社区（村）`), rename, add),
      s.communities?.length ? h('ul', {}, s.communities.map(communityItem)) : null);
  }

  function communityItem(c) {
    const rename = h('button', { type: 'button', class: 'link', 'aria-label': `改名：${c.name}` }, '改名');
    rename.addEventListener('click', () => openForm(rename, `社区/村改名：${c.name}`,
      [{ name: 'name', label: '社区/村名称', value: c.name }, { name: 'branchName', label: '党组织名称', value: c.branchName }],
      async v => changed(await patch(`/api/places/communities/${c.id}`, v), `已保存：${v.name}`)));
    return h('li', { 'data-community-id': c.id },
      h('div', { class: 'place-line' }, h('span', { class: 'name' }, c.name), h('span', { class: 'meta' }, c.branchName), rename));
  }

  current.page('区划管理', importForm, report,
    h('section', { 'aria-labelledby': 'places-title' }, h('h2', { id: 'places-title' }, '区划目录'), districtForm, tree));
  await load();
}

const roleOptions = { coordinator: roles.coordinator, branch: roles.branch, team: roles.team, admin: roles.admin };

async function showAccounts(current) {
  const { streets, communities } = flatten(await get('/api/places'));
  const placeName = new Map([...streets.map(s => [s.id, `${s.districtName} · ${s.name}`]), ...communities.map(c => [c.id, `${c.streetName} · ${c.name}`])]);
  const streetOptions = (all) => ({ ...(all ? { '': all } : {}), ...Object.fromEntries(streets.map(s => [s.id, `${s.districtName} · ${s.name}`])) });
  const communityOptions = (streetId, all) => ({ ...(all ? { '': all } : {}),
    ...Object.fromEntries(communities.filter(c => !streetId || c.streetId === streetId).map(c => [c.id, `${c.streetName} · ${c.name}`])) });
  const refill = (control, options) => control.replaceChildren(...Object.entries(options).map(([key, label]) => h('option', { value: key }, label)));

  // The search.
  const role = select('role', { '': '全部角色', ...roleOptions }, '');
  const street = select('streetId', streetOptions('全部街道'), '');
  const community = select('communityId', communityOptions('', '全部社区'), '');
  const status = select('status', { '': '全部状态', active: '启用中', disabled: '已停用' }, '');
  const q = h('input', { name: 'q', type: 'search', maxlength: '64' });
  const search = h('button', { type: 'submit' }, '查询');
  const filters = h('form', { class: 'toolbar', 'aria-label': '查找账号' },
    field('角色', role), field('街道', street), field('社区', community), field('状态', status), field('用户名', q), search);
  street.addEventListener('change', () => refill(community, communityOptions(street.value, '全部社区')));
  const results = h('div', { 'aria-live': 'polite' });
  const pageSize = 20;
  let number = 1;

  async function load() {
    const query = new URLSearchParams({ page: String(number), pageSize: String(pageSize) });
    for (const [key, control] of [['role', role], ['streetId', street], ['communityId', community], ['status', status], ['q', q]])
      if (control.value.trim()) query.set(key, control.value.trim());
    const found = await get(`/api/accounts?${query}`);
    const teamIds = [...new Set(found.items.map(a => a.teamId).filter(Boolean))];
    const teams = new Map(await Promise.all(teamIds.map(async id => [id, (await get(`/api/teams/${id}`).catch(() => null))?.name])));
    fill(results,
      h('p', { class: 'meta' }, `共 ${found.total} 个账号`),
      pager(number, found.total, pageSize, n => { number = n; return load(); }),
      found.items.length ? h('ul', { class: 'cards' }, found.items.map(a => accountCard(a, teams.get(a.teamId)))) : empty('没有符合条件的账号'));
  }
  filters.addEventListener('submit', event => { event.preventDefault(); number = 1; act(search, load); });

  function accountCard(account, teamName) {
    const bound = teamName ?? placeName.get(account.communityId) ?? placeName.get(account.streetId) ?? (account.role === 'admin' ? '全系统' : '—');
    const reset = h('button', { type: 'button', 'aria-label': `重置密码：${account.username}` }, '重置密码');
    const toggle = h('button', { type: 'button', class: account.disabled ? null : 'danger', 'aria-label': `${account.disabled ? '启用' : '停用'}：${account.username}` },
      account.disabled ? '启用' : '停用');
    const card = h('li', { class: 'card', 'data-account-id': account.id },
      h('h3', {}, account.username),
      h('p', { class: 'meta' }, `${roles[account.role] ?? account.role} · ${bound}`),
      h('p', {}, account.disabled ? badge('已停用', 'disabled') : badge('启用中', 'created'), ' ',
        account.mustChangePassword ? badge('待设置新密码', 'warn') : null),
      h('p', { class: 'meta' }, `创建于 ${formatTime(account.createdAt)}`),
      h('div', { class: 'actions' }, reset, toggle));
    reset.addEventListener('click', () => act(reset, async () => {
      const answer = await post(`/api/accounts/${account.id}/reset-password`);
      card.querySelector('.once')?.remove();
      card.append(oneTimePassword(account.username, answer.oneTimePassword, bound));
      notify(`已重置 ${account.username} 的密码，原有登录已失效`, 'success');
    }));
    toggle.addEventListener('click', () => act(toggle, async () => {
      await post(`/api/accounts/${account.id}/${account.disabled ? 'enable' : 'disable'}`);
      notify(account.disabled ? `已启用 ${account.username}` : `已停用 ${account.username}，其登录已失效`, 'success');
      await load();
    }));
    return card;
  }

  // Making one account.
  const newRole = select('role', roleOptions, 'coordinator');
  const newStreet = select('streetId', streetOptions(), streets[0]?.id);
  const newCommunity = select('communityId', communityOptions(newStreet.value), '');
  const newTeam = h('select', { name: 'teamId' });
  const username = h('input', { name: 'username', maxlength: '64', autocomplete: 'off', pattern: '[a-z0-9._\\-]{3,64}' });
  const create = h('button', { type: 'submit', class: 'primary' }, '创建账号');
  const streetField = field('所属街道', newStreet);
  const communityField = field('所属社区', newCommunity);
  const teamField = field('所属队伍', newTeam);
  const made = h('div', { 'aria-live': 'polite' });
  const createForm = h('form', { class: 'card', 'aria-label': '新建账号' }, h('h2', {}, '新建账号'),
    h('div', { class: 'grid' }, field('角色', newRole), streetField, communityField, teamField,
      field('用户名', username, '小写字母、数字、点、下划线或连字符，3–64 位；留空则自动生成（管理员账号必填）')),
    h('p', { class: 'meta' }, '系统会生成一次性密码，只显示一次；本人首次登录时须设置自己的密码。'), create);

  async function fillTeams() {
    if (newRole.value !== 'team' || !newStreet.value) return;
    const { items } = await getAll(`/api/teams?streetId=${newStreet.value}`);
    refill(newTeam, Object.fromEntries(items.map(t => [t.id, t.name])));
  }
  function showBinding() {
    streetField.hidden = !['coordinator', 'branch', 'team'].includes(newRole.value);
    communityField.hidden = newRole.value !== 'branch';
    teamField.hidden = newRole.value !== 'team';
    return fillTeams();
  }
  newRole.addEventListener('change', () => act(null, showBinding));
  newStreet.addEventListener('change', () => { refill(newCommunity, communityOptions(newStreet.value)); act(null, fillTeams); });
  createForm.addEventListener('submit', event => {
    event.preventDefault();
    act(create, async () => {
      const body = { role: newRole.value, username: username.value.trim() || undefined };
      if (newRole.value === 'coordinator') body.streetId = newStreet.value;
      if (newRole.value === 'branch') body.communityId = newCommunity.value;
      if (newRole.value === 'team') body.teamId = newTeam.value;
      const account = await post('/api/accounts', body);
      const bound = newRole.value === 'team' ? newTeam.selectedOptions[0]?.textContent : placeName.get(account.communityId ?? account.streetId);
      made.replaceChildren(oneTimePassword(account.username, account.oneTimePassword, bound));
      username.value = '';
      notify(`已创建账号 ${account.username}`, 'success');
      await load();
    });
  });

  // A street's branch accounts at once.
  const batchStreet = select('streetId', streetOptions(), streets[0]?.id);
  const batch = h('button', { type: 'submit', class: 'primary' }, '创建该街道全部党支部账号');
  const batchResult = h('div', { 'aria-live': 'polite' });
  const batchForm = h('form', { class: 'card', 'aria-label': '批量创建党支部账号' }, h('h2', {}, '批量创建党支部账号'),
    field('街道', batchStreet, '为该街道每个社区（村）的党组织各建一个账号；已有账号的行会报告为未创建。'), batch);
  batchForm.addEventListener('submit', event => {
    event.preventDefault();
    act(batch, async () => {
      const rows = communities.filter(c => c.streetId === batchStreet.value).map(c => ({ role: 'branch', communityId: c.id }));
      if (!rows.length) return notify('该街道还没有社区（村）', 'error');
      batchResult.replaceChildren(await createAccounts(rows));
      await load();
    });
  });

  current.page('账号管理', createForm, made, batchForm, batchResult,
    h('section', { 'aria-labelledby': 'accounts-title' }, h('h2', { id: 'accounts-title' }, '全部账号'), filters, results));
  await showBinding();
  await load();
}
