// A party branch's pages: its needs list, writing and editing a need, publishing, the timeline, rating, CSV import.
import { get, getAll, post, put, request } from './api.js';
import { categories, needStatuses, urgencies, importOutcomes, fieldName, escalationLevels } from './labels.js';
import { h, notify, act, formatTime, field, select, badge, empty, toLocalInput, fromLocalInput, askReason, pager, splitList, dataTable, goTo } from './ui.js';

export const pages = [
  [/^\/needs$/, showNeeds],
  [/^\/needs\/new$/, current => showEditor(current, null)],
  [/^\/needs\/([0-9a-f-]{36})\/edit$/, (current, id) => showEditor(current, id)],
  [/^\/needs\/([0-9a-f-]{36})$/, showNeed],
  [/^\/import$/, showImport],
];

async function showNeeds(current) {
  const status = select('status', { '': '全部状态', ...needStatuses }, '', { id: 'status-filter' });
  const table = h('div', { class: 'list' });
  const publishAll = h('button', { type: 'button' }, '发布全部草稿');
  current.page('需求清单',
    h('div', { class: 'toolbar' }, field('按状态筛选', status), h('a', { class: 'button primary', href: '#/needs/new' }, '新建需求'), publishAll),
    table);

  const size = 50;
  let number = 1;
  async function load() {
    const query = status.value ? `&status=${status.value}` : '';
    const needs = await get(`/api/needs?page=${number}&pageSize=${size}${query}`);
    const pages = pager(number, needs.total, size, n => { number = n; return load(); });
    table.replaceChildren(pages ?? '', needs.items.length
      ? dataTable(`共 ${needs.total} 条需求`, ['标题', '类别', '状态', '服务时间', '创建时间'], needs.items.map(need => ({
        attributes: { 'data-need-id': need.id },
        cells: [
          h('a', { href: `#/needs/${need.id}` }, need.title),
          categories[need.category] ?? need.category,
          badge(needStatuses[need.status] ?? need.status, need.status),
          formatTime(need.startsAt),
          formatTime(need.createdAt),
        ],
      })))
      : empty('还没有需求，点“新建需求”或“导入清单”开始。'));
  }
  status.addEventListener('change', () => { number = 1; act(null, load); });
  publishAll.addEventListener('click', () => act(publishAll, async () => {
    const result = await post('/api/needs/publish-all', {});
    notify(`已发布 ${result.total} 条草稿`, 'success');
    await load();
  }));
  await load();
}

function needForm(need) {
  const value = key => need?.[key] ?? '';
  const controls = {
    title: h('input', { name: 'title', required: true, maxlength: '200', value: value('title') }),
    category: select('category', categories, need?.category ?? 'elderly_care'),
    volunteersNeeded: h('input', { name: 'volunteersNeeded', type: 'number', min: '1', max: '500', required: true, value: need?.volunteersNeeded ?? 2 }),
    skills: h('input', { name: 'skills', value: (need?.skills ?? []).join('、') }),
    startsAt: h('input', { name: 'startsAt', type: 'datetime-local', required: true, value: toLocalInput(need?.startsAt) }),
    endsAt: h('input', { name: 'endsAt', type: 'datetime-local', required: true, value: toLocalInput(need?.endsAt) }),
    claimDeadline: h('input', { name: 'claimDeadline', type: 'datetime-local', value: toLocalInput(need?.claimDeadline) }),
    urgency: select('urgency', urgencies, need?.urgency ?? 'normal'),
    beneficiaries: h('input', { name: 'beneficiaries', type: 'number', min: '0', value: value('beneficiaries') }),
    description: h('textarea', { name: 'description', rows: '3' }, value('description')),
    address: h('input', { name: 'address', maxlength: '200', value: value('address') }),
    contactName: h('input', { name: 'contactName', maxlength: '50', value: value('contactName') }),
    contactPhone: h('input', { name: 'contactPhone', type: 'tel', maxlength: '30', value: value('contactPhone') }),
  };
  const hints = { title: '所有队伍都能看到标题，请勿写入联系人姓名、电话或地址', skills: '多个技能用顿号或逗号分隔', claimDeadline: '可不填，默认发布后 24 小时', address: '只有接单队伍能看到地址和联系人' };
  const body = () => ({
    title: controls.title.value.trim(),
    category: controls.category.value,
    volunteersNeeded: Number(controls.volunteersNeeded.value),
    skills: splitList(controls.skills.value),
    startsAt: fromLocalInput(controls.startsAt.value),
    endsAt: fromLocalInput(controls.endsAt.value),
    claimDeadline: fromLocalInput(controls.claimDeadline.value),
    urgency: controls.urgency.value,
    beneficiaries: controls.beneficiaries.value === '' ? null : Number(controls.beneficiaries.value),
    description: controls.description.value.trim(),
    address: controls.address.value.trim() || null,
    contactName: controls.contactName.value.trim() || null,
    contactPhone: controls.contactPhone.value.trim() || null,
  });
  const fields = Object.entries(controls).map(([key, control]) => field(fieldName(key), control, hints[key]));
  return { fields, body };
}

async function showEditor(current, id) {
  const need = id ? await get(`/api/needs/${id}`) : null;
  if (need && need.status !== 'draft') {
    current.page('编辑需求', h('p', {}, '只有草稿可以修改。'), h('a', { href: `#/needs/${id}` }, '返回需求详情'));
    return;
  }
  const { fields, body } = needForm(need);
  const submit = h('button', { type: 'submit', class: 'primary' }, id ? '保存修改' : '保存为草稿');
  const form = h('form', { class: 'card', 'aria-label': id ? '编辑需求' : '新建需求' }, h('div', { class: 'grid' }, fields), submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(submit, async () => {
      const saved = id ? await put(`/api/needs/${id}`, body()) : await post('/api/needs', body());
      goTo(`#/needs/${saved.id ?? id}`, id ? '已保存修改' : '已保存为草稿，可在详情页发布');
    });
  });
  current.page(id ? '编辑需求' : '新建需求', form);
}

async function showNeed(current, id) {
  const need = await get(`/api/needs/${id}`);
  const timeline = await get(`/api/needs/${id}/timeline`);
  const reload = () => showNeed(current, id);
  const actions = h('div', { class: 'actions stack' });

  const teams = await getAll(`/api/teams?streetId=${current.streetId ?? ''}`).catch(() => ({ items: [] }));
  const teamName = teamId => teams.items.find(team => team.id === teamId)?.name ?? '指定队伍';
  // The timeline's reasons the system writes itself, said in Chinese; a person's own reason stays as written.
  const reasonText = reason => reason
    ?.replace(/^directed to team ([0-9a-f-]{36})$/, (_, teamId) => `定向派给${teamName(teamId)}`)
    .replace(/^not directed: team ([0-9a-f-]{36}) may not take this order$/,
      (_, teamId) => `${teamName(teamId)}不符合接单条件，已向所有符合条件的队伍开放`)
    .replace(/^directed to team ([0-9a-f-]{36}) by the matching meeting$/, (_, teamId) => `供需对接会定向派给${teamName(teamId)}`)
    .replace(/^directed to team ([0-9a-f-]{36}) by the coordinator(, outside the team's service list)?(?:: ([\s\S]*))?$/,
      (_, teamId, outside, why) => `协调员定向派给${teamName(teamId)}${outside ? '（超出其服务清单）' : ''}${why ? `：${why}` : ''}`)
    .replace(/^escalated to level (\d)$/, (_, level) => escalationLevels[Number(level)] ?? `升级到第 ${level} 级`)
    .replace(/^reassigned from team ([0-9a-f-]{36}) to team ([0-9a-f-]{36}): /, (_, from, to) => `协调员改派：从${teamName(from)}改派给${teamName(to)} · `)
    .replace(/^reassigned from team ([0-9a-f-]{36}) to the hall: /, (_, from) => `协调员改派：从${teamName(from)}退回派单大厅 · `)
    .replace(/^overdue: not started at its service start, released at (\S+) unless started$/,
      (_, at) => `逾期：到服务开始时间仍未开始，若 ${formatTime(at)} 前仍未开始将自动退回`)
    .replace(/^auto-released from team ([0-9a-f-]{36}): not started within (\d+) minutes of its service start(; its service time has passed, the coordinator is alerted)?$/,
      (_, team, minutes, passed) => `自动退回：${teamName(team)}在服务开始后 ${minutes} 分钟内未开始服务${passed ? '；服务时间已过，已报协调员' : '，已退回派单大厅'}`)
    .replace(/^expired: unclaimed when its service began$/, '已过期：到服务开始时间仍无人认领')
    .replace(/^expired: unclaimed after every escalation step$/, '已过期：逐级扩大范围后仍无人认领');
  if (need.status === 'draft') {
    // Only teams that may take it, by the same rule as a claim: a direction to any other is opened to all.
    const fits = team => team.categories.includes(need.category) && need.skills.every(skill => team.skills.includes(skill))
      && (team.serviceArea !== 'community' || team.communityId === need.communityId);
    const target = h('select', { name: 'targetTeamId' }, h('option', { value: '' }, '所有符合条件的队伍'),
      teams.items.filter(team => team.status === 'hatched' && fits(team)).map(team => h('option', { value: team.id }, team.name)));
    const publish = h('button', { type: 'submit', class: 'primary' }, '发布');
    const form = h('form', { class: 'inline-form', 'aria-label': '发布需求' }, field('发布给', target), publish);
    form.addEventListener('submit', event => {
      event.preventDefault();
      act(publish, async () => {
        await post(`/api/needs/${id}/publish`, target.value ? { targetTeamId: target.value } : {});
        notify('已发布到派单大厅', 'success');
        await reload();
      });
    });
    actions.append(h('a', { class: 'button', href: `#/needs/${id}/edit` }, '编辑'), form);
  }
  if (['completed'].includes(need.status)) actions.append(ratingForm(id, reload));
  if (['draft', 'published', 'claimed', 'in_service'].includes(need.status)) {
    const cancel = h('button', { type: 'button', class: 'danger' }, '撤销需求');
    cancel.addEventListener('click', async () => {
      const reason = await askReason(cancel, '撤销原因');
      if (!reason) return;
      await act(cancel, async () => {
        await post(`/api/needs/${id}/cancel`, { reason });
        notify('已撤销', 'success');
        await reload();
      });
    });
    actions.append(cancel);
  }

  current.page(need.title,
    h('p', { class: 'meta' }, badge(needStatuses[need.status] ?? need.status, need.status), ' ', badge(categories[need.category] ?? need.category),
      need.urgency === 'urgent' ? [' ', badge('紧急', 'warn')] : null),
    h('dl', { class: 'card details' },
      h('dt', {}, '服务时间'), h('dd', {}, `${formatTime(need.startsAt)} 至 ${formatTime(need.endsAt)}`),
      h('dt', {}, '需要人数'), h('dd', {}, `${need.volunteersNeeded} 人`),
      need.targetTeamId ? [h('dt', {}, '定向队伍'), h('dd', {}, teamName(need.targetTeamId))] : null,
      need.claimedByTeamId ? [h('dt', {}, '接单队伍'), h('dd', {}, teamName(need.claimedByTeamId))] : null,
      h('dt', {}, '技能'), h('dd', {}, need.skills?.join('、') || '—'),
      h('dt', {}, '描述'), h('dd', {}, need.description || '—'),
      h('dt', {}, '地址'), h('dd', {}, need.address ?? '—'),
      h('dt', {}, '联系人'), h('dd', {}, [need.contactName, need.contactPhone].filter(Boolean).join(' ') || '—'),
      need.completedAt ? [h('dt', {}, '完成情况'), h('dd', {}, `${need.serviceHours} 小时 · ${need.volunteersCount} 人 · ${need.completionSummary ?? ''}`)] : null,
      need.rating ? [h('dt', {}, '评价'), h('dd', {}, `${'★'.repeat(need.rating.score)} ${need.rating.comment ?? ''}`)] : null,
      need.cancelReason ? [h('dt', {}, '撤销原因'), h('dd', {}, need.cancelReason)] : null),
    actions,
    h('section', { 'aria-labelledby': 'timeline-title' },
      h('h2', { id: 'timeline-title' }, '进度'),
      h('ol', { class: 'timeline' }, timeline.map(step => h('li', {},
        h('time', { datetime: step.at }, formatTime(step.at)), ' ',
        h('strong', {}, needStatuses[step.toStatus] ?? step.toStatus),
        step.reason ? ` · ${reasonText(step.reason)}` : '')))),
    h('p', {}, h('a', { href: '#/needs' }, '返回需求清单')));
}

function ratingForm(id, reload) {
  const score = select('score', { 5: '5 星 · 非常满意', 4: '4 星 · 满意', 3: '3 星 · 一般', 2: '2 星 · 不满意', 1: '1 星 · 很不满意' }, '5');
  const comment = h('textarea', { name: 'comment', rows: '2' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交评价');
  const form = h('form', { class: 'inline-form', 'aria-label': '评价服务' }, field('评分', score), field('评价', comment), submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(submit, async () => {
      await post(`/api/needs/${id}/rating`, { score: Number(score.value), comment: comment.value.trim() || null });
      notify('评价已提交', 'success');
      await reload();
    });
  });
  return form;
}

function showImport(current) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, '导入');
  const report = h('div', { class: 'report', 'aria-live': 'polite' });
  const form = h('form', { class: 'card', 'aria-label': '导入需求清单' },
    field('需求清单文件（CSV，UTF-8 或 Excel 导出的 GB18030）', file,
      '第一行为表头：标题、类别、人数、技能、描述、开始时间、结束时间、截止时间、紧急程度、受益人数、地址、联系人、联系电话'),
    submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!file.files.length) return notify('请选择文件', 'error');
    act(submit, async () => {
      const data = new FormData();
      data.append('file', file.files[0]);
      const result = await request('POST', '/api/needs/import', data);
      notify(`导入完成：新增 ${result.created} 条，重复 ${result.duplicates} 条，有误 ${result.invalid} 条`, result.invalid ? 'error' : 'success');
      report.replaceChildren(
        result.ignoredColumns?.length ? h('p', {}, `未识别的列：${result.ignoredColumns.join('、')}`) : null,
        dataTable('逐行结果', ['行号', '结果', '标题', '问题'], result.rows.map(row => ({
          attributes: { class: row.outcome },
          cells: [
            row.line,
            badge(importOutcomes[row.outcome] ?? row.outcome, row.outcome),
            row.needId ? h('a', { href: `#/needs/${row.needId}` }, row.title ?? '') : row.title ?? '',
            row.errors ? h('span', { title: Object.values(row.errors).flat().join(' ') }, Object.keys(row.errors).map(key => `${fieldName(key)}填写有误`).join('；')) : '',
          ],
        }))),
        result.created ? h('p', {}, h('a', { href: '#/needs' }, '去需求清单发布新导入的草稿')) : null);
    });
  });
  current.page('导入需求清单', form, report);
}
