// The coordinator's work on its street's teams: registering one by form or many by roster, a team's profile (service
// list, incubation record, track record, orders and their reassignment), editing its service list, and deciding what
// teams propose to change.
import { get, getAll, post, patch, request } from './api.js';
import { categories, teamStatuses, teamKinds, needStatuses, importOutcomes, teamFieldName } from './labels.js';
import { h, notify, act, formatTime, field, select, badge, empty, askReason, dataTable, goTo } from './ui.js';
import { oneTimePassword } from './accounts.js';
import { serviceListDetails, serviceListFields, trackRecordFigures, changeSummary, changeLog, incubationHistory } from './servicelist.js';

export const pages = [
  [/^\/teams\/new$/, showRegister],
  [/^\/teams\/import$/, showRosterImport],
  [/^\/teams\/([0-9a-f-]{36})\/edit$/, showEdit],
  [/^\/teams\/([0-9a-f-]{36})$/, showTeam],
  [/^\/changes$/, showChanges],
];

/** The steps of incubation a team in each status may take next, as the coordinator's buttons say them. */
const steps = {
  applied: [['incubate', '接收入孵']],
  incubating: [['hatch', '孵化出壳'], ['suspend', '暂停']],
  hatched: [['suspend', '暂停']],
  suspended: [['hatch', '恢复']],
};

/** The buttons of the team's next incubation steps; `done` runs after a step (suspending and retiring ask why). */
export function stepButtons(team, done, { retire = false } = {}) {
  const available = [...(steps[team.status] ?? []), ...(retire && team.status !== 'retired' ? [['retire', '注销']] : [])];
  return available.map(([action, text]) => {
    const button = h('button', { type: 'button', class: action === 'retire' ? 'danger' : null, 'aria-label': `${text}：${team.name}` }, text);
    button.addEventListener('click', async () => {
      const asks = action === 'suspend' || action === 'retire';
      const reason = asks ? await askReason(button, `${text}${team.name}的原因`) : null;
      if (asks && !reason) return;
      await act(button, async () => {
        await post(`/api/teams/${team.id}/${action}`, reason ? { reason } : {});
        notify(`${team.name}：${text}完成`, 'success');
        await done();
      });
    });
    return button;
  });
}

/** The communities a team may be registered in: the coordinator's street's; for an admin every street's, named with it. */
async function communitiesFor(current) {
  const streets = (await get('/api/places')).flatMap(d => d.streets ?? []);
  return streets.filter(s => !current.streetId || s.id === current.streetId)
    .flatMap(s => (s.communities ?? []).map(c => ({ id: c.id, name: c.name, label: current.streetId ? c.name : `${s.name} · ${c.name}` })));
}

async function showRegister(current) {
  const communities = await communitiesFor(current);
  if (!communities.length) {
    current.page('登记队伍', empty('本街道还没有社区，请管理员先在地名目录中添加社区。'));
    return;
  }
  const { fields, read } = serviceListFields(['name', 'kind', 'communityId', 'categories', 'skills', 'serviceArea', 'capacity',
    'capacityCeiling', 'availability', 'membersCount', 'leaderName', 'leaderPhone', 'mentor'], null, { communities });
  const status = select('status', { incubating: '直接入孵（孵化中）', applied: '入驻申请（待接收入孵）' }, 'incubating');
  const submit = h('button', { type: 'submit', class: 'primary' }, '登记');
  const form = h('form', { class: 'card', 'aria-label': '登记队伍' }, h('div', { class: 'grid' }, fields, field('登记为', status)), submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(submit, async () => {
      const team = await post(status.value === 'applied' ? '/api/teams/applications' : '/api/teams', read());
      goTo(`#/teams/${team.id}`, `已登记：${team.name}`);
    });
  });
  current.page('登记队伍', h('p', {}, '填写队伍的完整服务清单：服务类别、技能和服务范围决定它能在派单大厅看到哪些订单。'), form);
}

function showRosterImport(current) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const status = select('status', { incubating: '直接入孵（孵化中）', applied: '入驻申请（待接收入孵）' }, 'incubating');
  const submit = h('button', { type: 'submit', class: 'primary' }, '导入');
  const report = h('div', { class: 'report', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', 'aria-label': '导入队伍花名册' },
    field('队伍花名册文件（CSV，UTF-8 或 Excel 导出的 GB18030）', file,
      '第一行为表头：队伍名称、类型、社区、服务类别、技能、服务范围、承接能力、成员数、负责人、联系电话、服务时间、导师'),
    field('登记为', status), submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!file.files.length) return notify('请选择文件', 'error');
    act(submit, async () => {
      const data = new FormData();
      data.append('file', file.files[0]);
      const result = await request('POST', `/api/teams/import${status.value === 'applied' ? '?status=applied' : ''}`, data);
      notify(`导入完成：新增 ${result.created} 支队伍，重复 ${result.duplicates} 支，有误 ${result.invalid} 行`, result.invalid ? 'error' : 'success');
      report.replaceChildren(
        result.ignoredColumns?.length ? h('p', {}, `未识别的列：${result.ignoredColumns.join('、')}`) : null,
        dataTable('逐行结果', ['行号', '结果', '队伍名称', '问题'], result.rows.map(row => ({
          attributes: { class: row.outcome },
          cells: [
            row.line,
            badge(importOutcomes[row.outcome] ?? row.outcome, row.outcome),
            row.teamId ? h('a', { href: `#/teams/${row.teamId}` }, row.name ?? '') : row.name ?? '',
            row.errors ? h('span', { title: Object.values(row.errors).flat().join(' ') },
              Object.keys(row.errors).map(key => `${teamFieldName(key)}填写有误`).join('；')) : '',
          ],
        }))),
        result.created ? h('p', {}, h('a', { href: '#/teams' }, '去孵化看板查看新登记的队伍')) : null);
    });
  });
  current.page('导入队伍花名册', form, report);
}

async function showEdit(current, id) {
  const team = await get(`/api/teams/${id}`);
  const { fields, read } = serviceListFields(['name', 'kind', 'categories', 'skills', 'serviceArea', 'capacity', 'capacityCeiling',
    'availability', 'membersCount', 'leaderName', 'leaderPhone'], team);
  const submit = h('button', { type: 'submit', class: 'primary' }, '保存服务清单');
  const form = h('form', { class: 'card', 'aria-label': `编辑${team.name}的服务清单` }, h('div', { class: 'grid' }, fields), submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(submit, async () => {
      await patch(`/api/teams/${id}`, read());
      goTo(`#/teams/${id}`, '服务清单已保存');
    });
  });
  current.page(`编辑服务清单：${team.name}`, form, h('p', {}, h('a', { href: `#/teams/${id}` }, '返回队伍详情')));
}

/** Approve and reject buttons for a change a team proposed; `done` runs after either. */
function decisionButtons(change, done) {
  const approve = h('button', { type: 'button', class: 'primary', 'aria-label': `批准：${change.teamName}的变更` }, '批准');
  const reject = h('button', { type: 'button', 'aria-label': `驳回：${change.teamName}的变更` }, '驳回');
  approve.addEventListener('click', () => act(approve, async () => {
    await post(`/api/teams/${change.teamId}/changes/${change.id}/approve`);
    notify(`已批准${change.teamName}的变更，派单大厅已按新的服务清单推荐`, 'success');
    await done();
  }));
  reject.addEventListener('click', async () => {
    const reason = await askReason(reject, `驳回${change.teamName}变更的理由`);
    if (!reason) return;
    await act(reject, async () => {
      await post(`/api/teams/${change.teamId}/changes/${change.id}/reject`, { reason });
      notify(`已驳回${change.teamName}的变更`, 'success');
      await done();
    });
  });
  return h('div', { class: 'actions' }, approve, reject);
}

async function showChanges(current) {
  const list = h('ol', { class: 'cards', 'aria-label': '待审批的变更，最早提出的在前' });
  current.page('变更审批', h('p', {}, '队伍申请修改服务类别、技能或服务范围，批准后才生效；驳回时请写明理由，队伍能看到。'), list);
  async function load() {
    const changes = await getAll('/api/teams/changes?status=pending');
    list.replaceChildren(...(changes.items.length ? changes.items.map(change => h('li', { class: 'card', 'data-change-id': change.id },
      h('h2', {}, h('a', { href: `#/teams/${change.teamId}` }, change.teamName)),
      h('p', { class: 'meta' }, `${change.changedBy} 于 ${formatTime(change.changedAt)} 提出`),
      changeSummary(change),
      decisionButtons(change, load))) : [h('li', {}, empty('没有待审批的变更'))]));
  }
  await load();
}

async function showTeam(current, id) {
  const team = await get(`/api/teams/${id}`);
  const [history, changes, accounts, orders, places] = await Promise.all([
    get(`/api/teams/${id}/history`),
    get(`/api/teams/${id}/changes?pageSize=20`),
    getAll(`/api/accounts?role=team&teamId=${id}`),
    // The dispatch hall learns of a team by its events; until then it has no orders to show.
    getAll(`/api/orders?teamId=${id}`).catch(error => (error.status === 404 ? { items: [], total: 0 } : Promise.reject(error))),
    get('/api/places'),
  ]);
  const community = places.flatMap(d => d.streets ?? []).flatMap(s => s.communities ?? []).find(c => c.id === team.communityId);
  const reload = () => showTeam(current, id);
  const pending = changes.items.find(c => c.id === team.pendingChangeId);
  const stopped = team.status === 'suspended' || team.status === 'retired';
  const candidates = stopped ? (await getAll(`/api/teams?status=hatched&streetId=${team.streetId}`)).items.filter(t => t.id !== team.id) : [];

  current.page(team.name,
    h('p', { class: 'meta' }, badge(teamStatuses[team.status] ?? team.status, `team-${team.status}`), ' ', badge(teamKinds[team.kind] ?? team.kind)),
    h('div', { class: 'actions' },
      team.status !== 'retired' ? h('a', { class: 'button', href: `#/teams/${id}/edit` }, '编辑服务清单') : null,
      stepButtons(team, reload, { retire: true })),
    pending ? h('section', { class: 'card pending', 'aria-labelledby': 'pending-title' },
      h('h2', { id: 'pending-title' }, '待审批的变更'),
      h('p', { class: 'meta' }, `${pending.changedBy} 于 ${formatTime(pending.changedAt)} 提出`),
      changeSummary(pending),
      decisionButtons(pending, reload)) : null,
    h('section', { 'aria-labelledby': 'list-title' }, h('h2', { id: 'list-title' }, '服务清单'), serviceListDetails(team, community?.name)),
    h('section', { 'aria-labelledby': 'record-title' }, h('h2', { id: 'record-title' }, '服务记录'), trackRecordFigures(team.trackRecord)),
    accountsSection(team, accounts.items),
    h('section', { 'aria-labelledby': 'orders-title' },
      h('h2', { id: 'orders-title' }, `队伍订单（${orders.total}）`),
      stopped ? h('p', {}, '该队伍已', teamStatuses[team.status], '，它手上的订单可以改派给其他队伍，或退回派单大厅。') : null,
      orders.items.length ? h('ol', { class: 'cards' }, orders.items.map(order => orderCard(order, team, stopped, candidates, reload))) : empty('还没有订单')),
    h('section', { 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, '孵化记录'), incubationHistory(history)),
    h('section', { 'aria-labelledby': 'changes-title' }, h('h2', { id: 'changes-title' }, '服务清单变更记录'), changeLog(changes.items)),
    h('p', {}, h('a', { href: '#/teams' }, '返回孵化看板')));
}

/** The team's sign-in accounts, and a button that makes one: its one-time password is shown here once. */
function accountsSection(team, accounts) {
  const list = h('ul', { class: 'rows', 'aria-label': `${team.name}的账号` });
  const item = account => h('li', { 'data-account-id': account.id }, h('strong', {}, account.username), ' ',
    account.disabled ? badge('已停用', 'disabled') : badge('启用中', 'created'), ' ',
    account.mustChangePassword ? badge('待设置新密码', 'warn') : null);
  list.append(...accounts.map(item));
  const made = h('div', { 'aria-live': 'polite' });
  const create = h('button', { type: 'button', class: accounts.length ? null : 'primary' }, '创建队伍账号');
  create.addEventListener('click', () => act(create, async () => {
    const account = await post('/api/accounts', { role: 'team', teamId: team.id });
    list.append(item(account));
    made.replaceChildren(oneTimePassword(account.username, account.oneTimePassword, team.name));
    notify(`已创建账号 ${account.username}`, 'success');
  }));
  return h('section', { 'aria-labelledby': 'accounts-title' },
    h('h2', { id: 'accounts-title' }, '队伍账号'),
    accounts.length ? null : h('p', {}, '这支队伍还没有账号：创建后把一次性密码交给负责人，首次登录时由他设置自己的密码。'),
    list,
    team.status === 'retired' ? null : h('div', { class: 'actions' }, create),
    made);
}

const held = order => ['claimed', 'in_service'].includes(order.status) || (order.status === 'published' && order.directed);

function orderCard(order, team, stopped, candidates, reload) {
  return h('li', { class: 'card order', 'data-need-id': order.needId },
    h('h3', {}, order.title),
    h('p', { class: 'meta' }, badge(needStatuses[order.status] ?? order.status, order.status), ' ', badge(categories[order.category] ?? order.category),
      order.directed && order.status === 'published' ? [' ', badge('待该队接受', 'accent')] : null),
    h('dl', {},
      h('dt', {}, '社区'), h('dd', {}, order.communityName ?? '—'),
      h('dt', {}, '服务时间'), h('dd', {}, `${formatTime(order.startsAt)} 至 ${formatTime(order.endsAt)}`),
      order.claimedAt ? [h('dt', {}, '接单时间'), h('dd', {}, formatTime(order.claimedAt))] : null),
    stopped && held(order) ? reassignForm(order, team, candidates, reload) : null);
}

/** Gives the order of a suspended or retired team to another team of the street that serves its category, or back to the hall. */
function reassignForm(order, team, candidates, reload) {
  const fitting = candidates.filter(t => t.categories.includes(order.category));
  const target = h('select', { name: 'teamId' },
    h('option', { value: '' }, '退回派单大厅（所有符合条件的队伍都可接单）'),
    fitting.map(t => h('option', { value: t.id }, `${t.name}（能力 ${t.capacity} 单）`)));
  const reason = h('textarea', { name: 'reason', rows: '2', required: true, maxlength: '500' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '确认改派');
  const form = h('form', { class: 'inline-form', 'aria-label': `改派：${order.title}` }, field('改派给', target), field('改派原因', reason), submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    const name = target.selectedOptions[0]?.textContent ?? '';
    act(submit, async () => {
      try {
        await post(`/api/orders/${order.needId}/reassign`, { teamId: target.value || null, reason: reason.value.trim() });
      } catch (error) {
        // Said for the team chosen, not as if the coordinator's own team were full.
        if (error.problem?.title === 'Capacity reached') throw new Error(`${name.replace(/（.*$/, '')}的承接能力已满，请选择其他队伍`);
        throw error;
      }
      notify(target.value ? `已改派给${name.replace(/（.*$/, '')}，等待对方接受` : '已退回派单大厅', 'success');
      await reload();
    });
  });
  return form;
}
