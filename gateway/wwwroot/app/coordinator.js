// The street coordinator's pages: the dashboard of figures, the incubation board, the matching meeting.
import { get, getAll, post, session } from './api.js';
import { categories, teamStatuses, teamKinds, escalationLevels } from './labels.js';
import { h, notify, act, formatTime, field, badge, empty, percent, duration, bars, pager, dataTable } from './ui.js';
import { stepButtons } from './coordinator-teams.js';
import { createAccounts, maxBatch } from './accounts.js';
import { volunteerFigures } from './volunteer-figures.js';

export const pages = [
  [/^\/dashboard$/, showDashboard],
  [/^\/teams$/, showTeams],
  [/^\/meeting$/, showMeeting],
];

/** The coordinator's own street; an admin looks at the first street of the directory. */
async function streetOf(current) {
  if (current.streetId) return { id: current.streetId, query: '' };
  const districts = await get('/api/places');
  const street = districts.flatMap(d => d.streets ?? [])[0];
  if (!street) throw new Error('还没有任何街道');
  return { id: street.id, query: `streetId=${street.id}` };
}

const figure = (label, value, note) => h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, label), h('strong', {}, value), note ? h('small', {}, note) : null);

async function showDashboard(current) {
  const districts = await get('/api/places');
  const streets = districts.flatMap(d => (d.streets ?? []).map(s => ({ ...s, districtName: d.name })));
  // A coordinator watches its own street; an admin picks any.
  const picker = current.streetId ? null
    : h('select', { name: 'streetId' }, streets.map(s => h('option', { value: s.id }, `${s.districtName} · ${s.name}`)));
  if (picker && !streets.length) {
    current.page('数据看板', empty('还没有任何街道。'), h('p', {}, h('a', { href: '#/places' }, '去区划管理导入或新增街道')));
    return;
  }
  const streetId = () => current.streetId ?? picker.value;
  const community = h('select', { name: 'communityId' });
  const fillCommunities = () => community.replaceChildren(h('option', { value: '' }, '全街道'),
    ...(streets.find(s => s.id === streetId())?.communities ?? []).map(c => h('option', { value: c.id }, c.name)));
  fillCommunities();
  picker?.addEventListener('change', fillCommunities);
  const from = h('input', { type: 'date', name: 'from' });
  const to = h('input', { type: 'date', name: 'to' });
  const apply = h('button', { type: 'submit' }, '查看');
  const filters = h('form', { class: 'toolbar', 'aria-label': '统计范围' },
    picker ? field('街道', picker) : null, field('社区', community), field('发布日期从', from), field('到', to), apply);
  const content = h('div', {});
  const volunteers = volunteerFigures({ get query() { return current.streetId ? '' : `streetId=${streetId()}`; } });
  current.page('数据看板', filters, content, volunteers.section);

  const unclaimedPageSize = 50;
  let unclaimedPage = 1;
  async function load() {
    const scope = new URLSearchParams(current.streetId ? '' : `streetId=${streetId()}`);
    if (community.value) scope.set('communityId', community.value);
    const period = new URLSearchParams(scope);
    // Dates are Beijing days: from its midnight to the next midnight after "to".
    if (from.value) period.set('from', `${from.value}T00:00:00+08:00`);
    if (to.value) period.set('to', new Date(new Date(`${to.value}T00:00:00+08:00`).getTime() + 86400000).toISOString());
    const [rate, unclaimed, overdue] = await Promise.all([
      get(`/api/stats/match-rate?${period}`),
      get(`/api/stats/unclaimed?page=${unclaimedPage}&pageSize=${unclaimedPageSize}&${scope}`),
      get(`/api/orders/overdue?pageSize=100&${new URLSearchParams(current.streetId ? '' : `streetId=${streetId()}`)}`),
    ]);
    const pages = pager(unclaimedPage, unclaimed.total, unclaimedPageSize, n => { unclaimedPage = n; return load(); });
    content.replaceChildren(...dashboard(rate, unclaimed, pages, period), overdueSection(overdue));
  }
  filters.addEventListener('submit', event => { event.preventDefault(); unclaimedPage = 1; act(apply, () => Promise.all([load(), volunteers.load()])); });
  await Promise.all([load(), volunteers.load()]);
}

function dashboard(rate, unclaimed, unclaimedPages, query) {
  const weeks = [...rate.byWeek].sort((a, b) => a.weekStart.localeCompare(b.weekStart)).slice(-12);
  return [
    h('section', { class: 'figures', 'aria-label': '总体指标' },
      figure('认领率', percent(rate.matchRate), `${rate.claimed} / ${rate.published} 单已被认领`),
      figure('完成率', percent(rate.fulfilmentRate), `${rate.completed} 单已完成服务`),
      figure('认领用时（中位数）', duration(rate.medianSecondsToClaim), `90% 在 ${duration(rate.p90SecondsToClaim)} 内`),
      figure('待认领', String(unclaimed.total), '已发布未被认领'),
      figure('居民满意度', rate.residentSatisfaction.ratings ? percent(rate.residentSatisfaction.favourableRate) : '—',
        rate.residentSatisfaction.ratings
          ? `${rate.residentSatisfaction.ratings} 位居民评价，平均 ${rate.residentSatisfaction.averageScore.toFixed(1)} 星（4 星及以上为满意）`
          : '还没有居民评价')),
    h('section', { class: 'charts', 'aria-label': '分组统计' },
      bars('各社区认领率', rate.byCommunity.map(c => ({ label: c.communityName ?? '未知社区', value: c.matchRate, text: `${percent(c.matchRate)}（${c.claimed}/${c.published}）` }))),
      bars('各类别认领率', rate.byCategory.map(c => ({ label: c.categoryName ?? categories[c.category], value: c.matchRate, text: `${percent(c.matchRate)}（${c.claimed}/${c.published}）` }))),
      weekChart(weeks)),
    h('section', { 'aria-labelledby': 'unclaimed-title' },
      h('h2', { id: 'unclaimed-title' }, '未认领需求（等待最久的在前）'),
      unclaimedPages,
      unclaimed.items.length ? dataTable(null, ['需求', '社区', '类别', '发布时间', '已等待', '升级'], unclaimed.items.map(item => ({
        attributes: { 'data-need-id': item.needId },
        cells: [
          [item.title, item.urgency === 'urgent' ? [' ', badge('紧急', 'warn')] : null, item.directed ? [' ', badge('定向', 'accent')] : null],
          item.communityName ?? '—',
          categories[item.category] ?? item.category,
          formatTime(item.publishedAt),
          duration(item.waitingSeconds),
          badge(escalationLevels[item.escalationLevel] ?? item.escalationLabel, item.escalationLevel > 0 ? 'warn' : ''),
        ],
      }))) : empty('所有已发布的需求都已被认领')),
    h('p', {}, h('a', { href: `/api/stats/match-rate.csv?${query}`, onclick: event => { event.preventDefault(); downloadCsv(query); } }, '下载统计表（CSV）')),
  ];
}

/** Claimed orders past their start that nobody started: the teams to call before the sweep takes the orders back. */
function overdueSection(overdue) {
  return h('section', { 'aria-labelledby': 'overdue-title' },
    h('h2', { id: 'overdue-title' }, `逾期未开始的订单（${overdue.total} 单）`),
    overdue.items.length ? dataTable(null, ['需求', '社区', '接单队伍', '服务开始', '自动退回时间'], overdue.items.map(item => ({
      attributes: { 'data-need-id': item.needId },
      cells: [item.title, item.communityName ?? '—', item.teamName ?? '—', formatTime(item.startsAt), formatTime(item.autoReleaseAt)],
    }))) : empty('没有逾期未开始的订单'));
}

/** Published and claimed orders per ISO week, as an SVG column chart. */
function weekChart(weeks) {
  if (!weeks.length) return h('figure', { class: 'bars' }, h('figcaption', {}, '每周发布与认领'), empty('暂无数据'));
  const width = 320, height = 140, pad = 20;
  const max = Math.max(1, ...weeks.map(w => w.published));
  const step = (width - pad) / weeks.length;
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + 20}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', weeks.map(w => `${w.weekStart} 这周发布 ${w.published} 单，认领 ${w.claimed} 单`).join('；'));
  weeks.forEach((w, i) => {
    for (const [value, cls, offset] of [[w.published, 'published', 0], [w.claimed, 'claimed', step / 3]]) {
      const rect = document.createElementNS(ns, 'rect');
      const barHeight = (value / max) * height;
      rect.setAttribute('x', String(pad + i * step + offset));
      rect.setAttribute('y', String(height - barHeight));
      rect.setAttribute('width', String(step / 3));
      rect.setAttribute('height', String(barHeight));
      rect.setAttribute('class', cls);
      svg.append(rect);
    }
    const label = document.createElementNS(ns, 'text');
    label.setAttribute('x', String(pad + i * step));
    label.setAttribute('y', String(height + 14));
    label.textContent = w.weekStart.slice(5);
    svg.append(label);
  });
  return h('figure', { class: 'bars' }, h('figcaption', {}, '每周发布（深色）与认领（浅色）'), svg);
}

async function downloadCsv(query) {
  const response = await fetch(`/api/stats/match-rate.csv?${query}`, { headers: { authorization: `Bearer ${session.get()?.token}` } });
  if (!response.ok) return notify('下载失败，请稍后再试', 'error');
  const url = URL.createObjectURL(await response.blob());
  h('a', { href: url, download: 'match-rate.csv' }).click();
  URL.revokeObjectURL(url);
}

async function showTeams(current) {
  const street = await streetOf(current);
  const board = h('div', { class: 'board' });
  const accountsBar = h('div', { class: 'actions' });
  const made = h('div', { 'aria-live': 'polite' });
  current.page('孵化看板', h('p', {}, '本街道的队伍按孵化阶段排列；已孵化的队伍才能在派单大厅接单。点队伍名称看它的服务清单、孵化记录和订单。'),
    accountsBar, made, board);

  async function load() {
    const [teams, accounts] = await Promise.all([
      getAll(`/api/teams?streetId=${street.id}`),
      getAll(`/api/accounts?role=team&streetId=${street.id}`),
    ]);
    const withAccount = new Set(accounts.items.map(a => a.teamId));
    const needAccounts = teams.items.filter(t => !withAccount.has(t.id) && !['applied', 'retired'].includes(t.status));
    accountsBar.replaceChildren(needAccounts.length ? createTeamAccounts(needAccounts, made, load) : []);
    board.replaceChildren(...Object.entries(teamStatuses).map(([status, label]) => {
      const inColumn = teams.items.filter(t => t.status === status);
      return h('section', { class: 'column', 'aria-label': `${label}（${inColumn.length}）` },
        h('h2', {}, `${label}（${inColumn.length}）`),
        status === 'incubating' && inColumn.length > 1 ? hatchAll(inColumn, load) : null,
        inColumn.length ? h('ul', {}, inColumn.map(team => h('li', { class: 'card team', 'data-team-id': team.id },
          h('h3', {}, h('a', { href: `#/teams/${team.id}` }, team.name)),
          h('p', { class: 'meta' }, teamKinds[team.kind] ?? team.kind, ' · ', `${team.membersCount} 人`, ' · ', `能力 ${team.capacity}`),
          h('p', { class: 'meta' }, (team.categories ?? []).map(c => categories[c] ?? c).join('、')),
          team.trackRecord ? h('p', { class: 'meta' }, `完成 ${team.trackRecord.ordersCompleted} 单`,
            team.trackRecord.averageRating ? ` · 平均 ${team.trackRecord.averageRating.toFixed(1)} 星` : '') : null,
          team.pendingChangeId ? h('p', {}, h('a', { href: '#/changes' }, badge('有待审批的变更', 'warn'))) : null,
          withAccount.has(team.id) || team.status === 'retired' ? null : h('p', {}, badge('尚无账号')),
          h('div', { class: 'actions' }, h('a', { href: `#/teams/${team.id}/members`, 'aria-label': `${team.name}的队员` }, '队员'), stepButtons(team, load))))) : empty('无'));
    }));
  }
  await load();
}

/** Hatches every team of the column in one go (after a roster import, say), one request a team, and says how it went. */
function hatchAll(teams, done) {
  const button = h('button', { type: 'button', class: 'primary' }, `全部孵化出壳（${teams.length}）`);
  button.addEventListener('click', () => act(button, async () => {
    const results = await Promise.allSettled(teams.map(team => post(`/api/teams/${team.id}/hatch`, {})));
    const failed = results.filter(r => r.status === 'rejected').length;
    notify(failed ? `已孵化出壳 ${teams.length - failed} 支队伍，${failed} 支未成功，请刷新后再试` : `已孵化出壳 ${teams.length} 支队伍`, failed ? 'error' : 'success');
    await done();
  }));
  return h('div', { class: 'actions' }, button);
}

/**
 * Makes an account for each of the teams in one request (the most a batch holds; the button offers the rest again) and
 * shows their usernames and one-time passwords in `made`, to print or save.
 */
function createTeamAccounts(teams, made, done) {
  const batch = teams.slice(0, maxBatch);
  const button = h('button', { type: 'button', class: 'primary' }, `为尚无账号的队伍创建账号（${batch.length}）`);
  button.addEventListener('click', () => act(button, async () => {
    made.replaceChildren(await createAccounts(batch.map(team => ({ role: 'team', teamId: team.id }))));
    await done();
  }));
  return button;
}

async function showMeeting(current) {
  const street = await streetOf(current);
  const plan = h('div', { class: 'plan', 'aria-live': 'polite' });
  const create = h('button', { type: 'button', class: 'primary' }, '生成对接方案');
  current.page('项目供需对接会',
    h('p', {}, '系统把本街道待认领的需求与有余力的已孵化队伍整体匹配（尽量多配上，再求总匹配度最高）。审阅方案后确认，每个需求将定向派给方案中的队伍，由队伍接受或婉拒。'),
    h('div', { class: 'actions' }, create), plan);

  function show(result) {
    const confirm = h('button', { type: 'button', class: 'primary' }, '确认方案并定向派单');
    confirm.addEventListener('click', () => act(confirm, async () => {
      const done = await post(`/api/matching-plans/${result.id}/confirm`, {});
      notify(`已定向派出 ${done.directed.length} 单${done.skipped.length ? `，${done.skipped.length} 单因已变化而跳过` : ''}`, 'success');
      show(await get(`/api/matching-plans/${result.id}`));
    }));
    plan.replaceChildren(
      h('p', { class: 'meta' }, `方案生成于 ${formatTime(result.createdAt)}：${result.needsCount} 个需求，配上 ${result.matchedCount} 个，总匹配度 ${result.totalScore}`,
        result.status === 'confirmed' ? [' ', badge(`已于 ${formatTime(result.confirmedAt)} 确认`, 'closed')] : null),
      result.items.length ? dataTable('配对', ['需求', '社区', '类别', '队伍', '匹配度', '理由'], result.items.map(item => ({
        attributes: { 'data-need-id': item.needId },
        cells: [item.title, item.communityName ?? '—', categories[item.category] ?? item.category, item.teamName ?? '—', item.score ?? '—', item.reason ?? ''],
      }))) : empty('没有可配对的需求'),
      result.unmatched.length ? [h('h2', {}, '未能配对'), h('ul', {}, result.unmatched.map(item => h('li', {}, `${item.title}（${item.communityName ?? ''}）`)))] : null,
      result.status !== 'confirmed' && result.items.length ? h('div', { class: 'actions' }, confirm) : null);
  }

  create.addEventListener('click', () => act(create, async () => {
    show(await post('/api/matching-plans', current.streetId ? {} : { streetId: street.id }));
  }));
}
