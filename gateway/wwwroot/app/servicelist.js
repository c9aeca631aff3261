// A team's service list (服务清单) as its coordinator and the team itself see it: the list, its form, the track record,
// and the record of its changes.
import { categories, teamKinds, serviceAreas, availabilities, changeStatuses, teamFieldName, teamStatuses } from './labels.js';
import { h, formatTime, badge, empty, field, select, checkboxes, checkedValues, splitList } from './ui.js';

const names = (keys, labels) => (keys ?? []).map(key => labels[key] ?? key).join('、') || '—';

/** A field's value as a person reads it. */
function shown(key, value) {
  if (value === null || value === undefined) return '—';
  switch (key) {
    case 'categories': return names(value, categories);
    case 'availability': return names(value, availabilities);
    case 'skills': return value.join('、') || '—';
    case 'serviceArea': return serviceAreas[value] ?? value;
    case 'kind': return teamKinds[value] ?? value;
    case 'capacity': case 'capacityCeiling': return `${value} 单`;
    case 'membersCount': return `${value} 人`;
    default: return String(value);
  }
}

export function serviceListDetails(team, communityName) {
  const row = (label, value) => [h('dt', {}, label), h('dd', {}, value)];
  return h('dl', { class: 'card details service-list' },
    row('类型', shown('kind', team.kind)),
    communityName ? row('所在社区', communityName) : null,
    row('服务类别', shown('categories', team.categories)),
    row('技能', shown('skills', team.skills)),
    row('服务范围', shown('serviceArea', team.serviceArea)),
    row('承接能力', `同时最多 ${team.capacity} 单（上限 ${team.capacityCeiling} 单，由协调员设定）`),
    row('服务时间', shown('availability', team.availability)),
    row('成员数', shown('membersCount', team.membersCount)),
    team.leaderName ? row('负责人', [team.leaderName, team.leaderPhone].filter(Boolean).join(' ')) : null,
    team.mentor ? row('导师', team.mentor) : null);
}

const figure = (label, value, note) => h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, label), h('strong', {}, value), note ? h('small', {}, note) : null);

/** What the team has done: claimed, completed, released, reassigned away, hours, volunteers, the branches' and the residents' average ratings. */
export function trackRecordFigures(record) {
  return h('section', { class: 'figures', 'aria-label': '服务记录' },
    figure('接单', `${record.ordersClaimed} 单`),
    figure('完成', `${record.ordersCompleted} 单`),
    figure('退回', `${record.ordersReleased} 单`, [record.ordersAutoReleased ? `其中 ${record.ordersAutoReleased} 单因未按时开始被自动退回` : null,
      record.ordersReassigned ? `另有 ${record.ordersReassigned} 单被协调员改派` : null].filter(Boolean).join('；') || null),
    figure('服务时长', `${record.serviceHours} 小时`),
    figure('参与人次', `${record.volunteersEngaged} 人次`),
    figure('党支部评分', record.averageRating ? `${Number(record.averageRating).toFixed(1)} 星` : '—', `${record.ratingsCount} 次评价`),
    figure('居民评分', record.averageResidentRating ? `${Number(record.averageResidentRating).toFixed(1)} 星` : '—', `${record.residentRatingsCount ?? 0} 位居民评价`));
}

/** What a change touched, field by field: before → after. */
const profileKeys = ['name', 'kind', 'categories', 'skills', 'serviceArea', 'capacity', 'capacityCeiling', 'availability', 'membersCount', 'leaderName', 'leaderPhone'];

export function changeSummary(change) {
  const keys = profileKeys.filter(key => change.after[key] !== null && change.after[key] !== undefined);
  return h('ul', { class: 'change-fields' }, keys.map(key => h('li', {},
    h('strong', {}, teamFieldName(key)), '：', shown(key, change.before[key]), ' → ', shown(key, change.after[key]))));
}

/** The record of a team's changes, newest first: who, when, what, and how it was decided. */
export function changeLog(changes) {
  if (!changes.length) return empty('还没有变更记录');
  return h('ol', { class: 'change-log' }, changes.map(change => h('li', { class: 'card', 'data-change-id': change.id },
    h('p', { class: 'meta' }, badge(changeStatuses[change.status] ?? change.status, `change-${change.status}`), ' ',
      h('time', { datetime: change.changedAt }, formatTime(change.changedAt)), ` · ${change.changedBy}`),
    changeSummary(change),
    change.decidedBy && change.status !== 'withdrawn'
      ? h('p', { class: 'meta' }, `${changeStatuses[change.status]}：${change.decidedBy} · ${formatTime(change.decidedAt)}`, change.reason ? ` · 理由：${change.reason}` : '')
      : null)));
}

/** The team's incubation record: every step with who, when, why and the mentor. */
export function incubationHistory(history) {
  if (!history.length) return empty('暂无记录');
  return h('ol', { class: 'timeline' }, history.map(step => h('li', {},
    h('time', { datetime: step.at }, formatTime(step.at)), ' ',
    h('strong', {}, `${step.fromStatus ? `${teamStatuses[step.fromStatus] ?? step.fromStatus} → ` : ''}${teamStatuses[step.toStatus] ?? step.toStatus}`),
    ` · ${step.actor}`, step.reason ? ` · ${step.reason}` : '', step.mentor ? ` · 导师 ${step.mentor}` : '')));
}

// Each field of a service list: its control, and how its value is read back for the API.
const controls = {
  name: team => h('input', { name: 'name', required: true, maxlength: '100', value: team?.name ?? '' }),
  kind: team => select('kind', teamKinds, team?.kind ?? 'volunteer_team'),
  communityId: (team, { communities }) => h('select', { name: 'communityId', required: true },
    communities.map(c => h('option', { value: c.id, selected: c.id === team?.communityId }, c.label ?? c.name))),
  categories: team => checkboxes('服务类别（至少一项）', 'categories', categories, team?.categories ?? []),
  skills: team => h('input', { name: 'skills', maxlength: '500', value: (team?.skills ?? []).join('、') }),
  serviceArea: team => select('serviceArea', serviceAreas, team?.serviceArea ?? 'community'),
  capacity: (team, { ceiling }) => h('input', { name: 'capacity', type: 'number', min: '1', max: String(ceiling ?? 50), required: true, value: team?.capacity ?? 3 }),
  capacityCeiling: team => h('input', { name: 'capacityCeiling', type: 'number', min: '1', max: '50', value: team?.capacityCeiling ?? '' }),
  availability: team => checkboxes('服务时间', 'availability', availabilities, team?.availability ?? []),
  membersCount: team => h('input', { name: 'membersCount', type: 'number', min: '1', max: '10000', required: true, value: team?.membersCount ?? '' }),
  leaderName: team => h('input', { name: 'leaderName', required: true, maxlength: '50', value: team?.leaderName ?? '' }),
  leaderPhone: team => h('input', { name: 'leaderPhone', type: 'tel', required: true, maxlength: '30', value: team?.leaderPhone ?? '' }),
  mentor: team => h('input', { name: 'mentor', maxlength: '50', value: team?.mentor ?? '' }),
};

const number = control => (control.value === '' ? null : Number(control.value));
const readers = {
  categories: control => checkedValues(control, 'categories'),
  availability: control => checkedValues(control, 'availability'),
  skills: control => splitList(control.value),
  capacity: number,
  capacityCeiling: number,
  membersCount: number,
  mentor: control => control.value.trim() || null,
};

const hints = {
  skills: '多个技能用顿号或逗号分隔',
  capacityCeiling: '队伍自己最多可把承接能力调到这个数；不填则等于承接能力',
  leaderPhone: '只有本队、本街道协调员和管理员能看到',
};

/**
 * Controls for the fields `keys` of a service list, filled from `team`: { fields, read() }, read() giving the API's
 * body for them. options: { communities: [{id, name|label}], ceiling, hints: {key: text} }.
 */
export function serviceListFields(keys, team, options = {}) {
  const built = keys.map(key => [key, controls[key](team, options)]);
  return {
    fields: built.map(([key, control]) => control.tagName === 'FIELDSET' ? control
      : field(teamFieldName(key), control, options.hints?.[key] ?? hints[key])),
    read: () => Object.fromEntries(built.map(([key, control]) => [key, (readers[key] ?? (c => c.value.trim()))(control)])),
  };
}
