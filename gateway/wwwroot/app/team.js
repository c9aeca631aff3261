// A team's pages: the dispatch hall (best first, live), its own orders (start, complete, with who served) and its service list.
import { get, post, patch, follow } from './api.js';
import { categories, needStatuses, escalationLevels, teamStatuses } from './labels.js';
import { h, notify, act, formatTime, field, badge, empty, askReason, pager } from './ui.js';
import { serviceListDetails, serviceListFields, trackRecordFigures, changeSummary, changeLog } from './servicelist.js';
import { completeForm, currentMembers } from './attendance.js';

export const pages = [
  [/^\/hall$/, showHall],
  [/^\/mine$/, showMine],
  [/^\/profile$/, showProfile],
];

function showHall(current) {
  const list = h('ol', { class: 'cards', 'aria-label': '可接订单，按匹配度从高到低' });
  const live = h('p', { class: 'live', 'aria-live': 'off' }, '正在连接实时更新…');
  const count = h('p', { class: 'count' });
  current.page('派单大厅', h('p', {}, '下列订单按与本队的匹配度从高到低排列，订单被发布或被接走时会自动更新。'), live, count, list);

  let loading = null;
  let again = false;
  async function load() {
    if (loading) { again = true; return; }
    loading = (async () => {
      try {
        const hall = await get('/api/orders/hall?pageSize=100');
        if (hall.paused) {
          count.textContent = `本队有 ${hall.paused.overdueOrders} 单已过开始时间仍未开始服务（上限 ${hall.paused.overdueLimit} 单），暂停接新单：请先在“我的订单”中开始服务或退回。`;
          list.replaceChildren(h('li', {}, h('a', { href: '#/mine' }, '去我的订单处理逾期订单')));
          return;
        }
        // Best first: a team takes a few orders at a time, so the hundred that fit it best are the ones to show.
        count.textContent = hall.total > hall.items.length
          ? `共 ${hall.total} 个可接订单，显示匹配度最高的 ${hall.items.length} 个`
          : `共 ${hall.total} 个可接订单`;
        list.replaceChildren(...(hall.items.length ? hall.items.map(hallCard) : [h('li', {}, empty('暂时没有本队可接的订单'))]));
      } catch (error) {
        notify(error.message, 'error');
      }
    })();
    await loading;
    loading = null;
    if (again) { again = false; await load(); }
  }

  function hallCard(item) {
    const claim = h('button', { type: 'button', class: 'primary' }, item.directed ? '接受指派' : '接单');
    claim.addEventListener('click', () => act(claim, async () => {
      try {
        await post(`/api/orders/${item.needId}/${item.directed ? 'accept' : 'claim'}`);
        notify(`接单成功：${item.title}`, 'success');
      } catch (error) {
        notify(error.status === 409 && error.problem?.title === 'Order already claimed' ? `已被其他队伍接单：${item.title}` : error.message, 'error');
      }
      await load();
    }));
    const decline = item.directed ? h('button', { type: 'button' }, '婉拒指派') : null;
    decline?.addEventListener('click', () => act(decline, async () => {
      await post(`/api/orders/${item.needId}/decline`, { reason: '本队暂时无法承接' });
      notify(`已婉拒：${item.title}`, 'success');
      await load();
    }));
    return h('li', { class: 'card order', 'data-need-id': item.needId },
      h('h2', {}, item.title),
      h('p', { class: 'meta' },
        badge(categories[item.category] ?? item.category), ' ',
        item.directed ? badge('指派给本队', 'accent') : null, ' ',
        item.escalationLevel > 0 ? badge(escalationLevels[item.escalationLevel] ?? `升级 ${item.escalationLevel}`, 'warn') : null),
      h('dl', {},
        h('dt', {}, '匹配度'), h('dd', {}, h('strong', { class: 'score' }, `${item.score} 分`), ' ', h('span', { class: 'reason' }, item.reason)),
        h('dt', {}, '社区'), h('dd', {}, item.communityName ?? '—'),
        h('dt', {}, '需要人数'), h('dd', {}, `${item.volunteersNeeded} 人`),
        h('dt', {}, '服务时间'), h('dd', {}, `${formatTime(item.startsAt)} 至 ${formatTime(item.endsAt)}`)),
      h('div', { class: 'actions' }, claim, decline));
  }

  let timer;
  const stop = follow('/api/orders/hall/events', type => {
    if (type === 'order-changed') {
      clearTimeout(timer);
      timer = setTimeout(load, 250);
    }
  }, state => {
    live.textContent = state === 'open' ? '● 实时更新中' : '实时更新已断开，正在重连…';
    live.className = `live ${state}`;
    if (state === 'open') load();
  });
  load();
  return () => { stop(); clearTimeout(timer); };
}

async function showMine(current) {
  const list = h('ol', { class: 'cards', 'aria-label': '本队订单' });
  const pages = h('div', {});
  current.page('我的订单', pages, list);

  const size = 50;
  let number = 1;
  async function load() {
    const mine = await get(`/api/orders/mine?page=${number}&pageSize=${size}`);
    pages.replaceChildren(pager(number, mine.total, size, n => { number = n; return load(); }) ?? '');
    // Who may be named in a completion report, fetched once for every order in service on the page.
    const members = mine.items.some(o => o.status === 'in_service') ? await currentMembers(current.teamId) : [];
    list.replaceChildren(...(mine.items.length ? mine.items.map(order => orderCard(order, members)) : [h('li', {}, empty('本队还没有接过订单，去派单大厅看看吧'))]));
  }

  /** "2 小时 5 分" until the moment, or "片刻" when it is (nearly) there. */
  function countdown(at) {
    const minutes = Math.max(0, Math.round((new Date(at).getTime() - Date.now()) / 60000));
    if (minutes < 1) return '片刻';
    return minutes >= 60 ? `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分` : `${minutes} 分钟`;
  }

  function orderCard(order, members) {
    const actions = h('div', { class: 'actions' });
    if (order.status === 'claimed') {
      const start = h('button', { type: 'button', class: 'primary' }, '开始服务');
      start.addEventListener('click', () => act(start, async () => {
        await post(`/api/orders/${order.needId}/start`);
        notify(`已开始服务：${order.title}`, 'success');
        await load();
      }));
      const release = h('button', { type: 'button' }, '退回订单');
      release.addEventListener('click', async () => {
        const reason = await askReason(release, '退回原因');
        if (!reason) return;
        await act(release, async () => {
          await post(`/api/orders/${order.needId}/release`, { reason });
          notify(`已退回：${order.title}`, 'success');
          await load();
        });
      });
      actions.append(start, release);
    } else if (order.status === 'in_service') {
      actions.append(completeForm(order, members, load));
    }
    return h('li', { class: 'card order', 'data-need-id': order.needId },
      h('h2', {}, order.title),
      h('p', { class: 'meta' }, badge(needStatuses[order.status] ?? order.status, order.status), ' ', badge(categories[order.category] ?? order.category),
        order.overdueAt ? [' ', badge('逾期未开始', 'warn')] : null),
      order.overdueAt && order.autoReleaseAt
        ? h('p', { class: 'countdown', role: 'status' }, `已过开始时间，${countdown(order.autoReleaseAt)}后若仍未开始服务将自动退回派单大厅（${formatTime(order.autoReleaseAt)}）`)
        : null,
      h('dl', {},
        h('dt', {}, '社区'), h('dd', {}, order.communityName ?? '—'),
        h('dt', {}, '服务时间'), h('dd', {}, `${formatTime(order.startsAt)} 至 ${formatTime(order.endsAt)}`),
        h('dt', {}, '接单时间'), h('dd', {}, formatTime(order.claimedAt)),
        order.completedAt ? [h('dt', {}, '完成情况'), h('dd', {}, `${order.serviceHours} 小时 · ${order.volunteersCount} 人 · ${order.summary ?? ''}`)] : null,
        order.rating ? [h('dt', {}, '评价'), h('dd', {}, '★'.repeat(order.rating))] : null),
      h('p', {}, h('a', { href: `#/mine`, onclick: event => { event.preventDefault(); showContact(order, event.target); } }, '查看联系人与地址')),
      actions);
  }
  await load();
}

async function showContact(order, link) {
  try {
    const need = await get(`/api/needs/${order.needId}`);
    link.replaceWith(h('span', {}, `联系人：${need.contactName ?? '—'} · 电话：${need.contactPhone ?? '—'} · 地址：${need.address ?? '—'}`));
  } catch (error) {
    notify(error.message, 'error');
  }
}

/** 本队服务清单: the team's service list and track record; it updates what only it knows and proposes the rest. */
async function showProfile(current) {
  const team = await get(`/api/teams/${current.teamId}`);
  const [changes, places] = await Promise.all([get(`/api/teams/${team.id}/changes?pageSize=20`), get('/api/places')]);
  const community = places.flatMap(d => d.streets ?? []).flatMap(s => s.communities ?? []).find(c => c.id === team.communityId);
  const pending = changes.items.find(c => c.id === team.pendingChangeId);
  const reload = () => showProfile(current);

  const own = serviceListFields(['availability', 'membersCount', 'leaderName', 'leaderPhone', 'capacity'], team, {
    ceiling: team.capacityCeiling,
    hints: { capacity: `同时最多承接的订单数，最多 ${team.capacityCeiling} 单（上限由街道协调员设定）` },
  });
  const save = h('button', { type: 'submit', class: 'primary' }, '保存（立即生效）');
  const ownForm = h('form', { class: 'card', 'aria-labelledby': 'own-title' },
    h('h2', { id: 'own-title' }, '本队情况'), h('p', { class: 'meta' }, '服务时间、成员、负责人联系方式和承接能力由本队自己维护，保存后派单大厅立即按新情况推荐。'),
    h('div', { class: 'grid' }, own.fields), save);
  ownForm.addEventListener('submit', event => {
    event.preventDefault();
    act(save, async () => {
      await patch(`/api/teams/${team.id}`, own.read());
      notify('已保存，派单大厅已按本队的新情况推荐', 'success');
      await reload();
    });
  });

  // A waiting proposal fills the form, so that sending it again keeps what is not changed.
  const proposal = serviceListFields(['categories', 'skills', 'serviceArea'], { ...team, ...dropNulls(pending?.after) });
  const propose = h('button', { type: 'submit' }, '提交协调员审批');
  const proposalForm = h('form', { class: 'card', 'aria-labelledby': 'proposal-title' },
    h('h2', { id: 'proposal-title' }, '申请变更服务内容'), h('p', { class: 'meta' }, '服务类别、技能和服务范围决定本队能接哪些订单，修改需街道协调员批准后生效。'),
    h('div', { class: 'grid' }, proposal.fields), propose);
  proposalForm.addEventListener('submit', event => {
    event.preventDefault();
    act(propose, async () => {
      const updated = await patch(`/api/teams/${team.id}`, proposal.read());
      notify(updated.pendingChangeId ? '已提交，等待街道协调员审批' : '与现有服务清单相同，无需审批', 'success');
      await reload();
    });
  });

  current.page('本队服务清单',
    h('p', { class: 'meta' }, team.name, ' ', badge(teamStatuses[team.status] ?? team.status, `team-${team.status}`)),
    pending ? h('section', { class: 'card pending', 'aria-labelledby': 'pending-title' },
      h('h2', { id: 'pending-title' }, '等待协调员审批的变更'),
      h('p', { class: 'meta' }, `${formatTime(pending.changedAt)} 提交`), changeSummary(pending)) : null,
    serviceListDetails(team, community?.name),
    h('section', { 'aria-labelledby': 'record-title' }, h('h2', { id: 'record-title' }, '服务记录'), trackRecordFigures(team.trackRecord)),
    team.status === 'retired' ? null : [ownForm, proposalForm],
    h('section', { 'aria-labelledby': 'changes-title' }, h('h2', { id: 'changes-title' }, '变更记录'), changeLog(changes.items)));
}

const dropNulls = fields => Object.fromEntries(Object.entries(fields ?? {}).filter(([, value]) => value !== null && value !== undefined));
