// The completion report of a team's order: who served and how long (each row goes into that volunteer's
// service-hours ledger), from which the totals follow; a team that has not listed its members reports the totals.
import { getAll, post } from './api.js';
import { h, notify, act, field } from './ui.js';

/** The hours an order was planned for, as the default each volunteer served (half hours, within a day). */
function plannedHours(order) {
  const hours = (new Date(order.endsAt) - new Date(order.startsAt)) / 3_600_000;
  return Number.isFinite(hours) && hours > 0 ? Math.min(24, Math.max(0.5, Math.round(hours * 2) / 2)) : 2;
}

/** The team's members who have not left: those a completion may name. */
export const currentMembers = async teamId => (teamId ? (await getAll(`/api/teams/${teamId}/members?current=true`)).items : []);

/** The form that reports <order> done, naming who of <members> served (or only the totals when the team lists none). */
export function completeForm(order, members, reload) {
  const summary = h('textarea', { name: 'summary', required: true, rows: '2', maxlength: '2000' });
  const submit = h('button', { type: 'submit', class: 'primary' }, '报告完成');
  const form = h('form', { class: 'inline-form', 'aria-label': `报告完成：${order.title}` });

  let report;
  if (members.length) {
    const rows = members.map(member => {
      const served = h('input', { type: 'checkbox', name: 'served', value: member.id });
      const hours = h('input', { type: 'number', name: 'hours', min: '0.5', max: '24', step: '0.5', value: String(plannedHours(order)),
        disabled: true, 'aria-label': `${member.name}的服务时长（小时）`, class: 'hours' });
      served.addEventListener('change', () => { hours.disabled = !served.checked; total(); });
      hours.addEventListener('input', total);
      return { member, served, hours, element: h('li', { class: 'attendance-row' }, h('label', {}, served, ' ', member.name), hours, h('span', { 'aria-hidden': 'true' }, '小时')) };
    });
    const totals = h('p', { class: 'meta', 'aria-live': 'polite' });
    function total() {
      const chosen = rows.filter(r => r.served.checked);
      totals.textContent = `共 ${chosen.length} 人，合计 ${chosen.reduce((sum, r) => sum + Number(r.hours.value || 0), 0)} 小时`;
    }
    total();
    form.append(h('fieldset', {}, h('legend', {}, '参与服务的队员及时长'), h('ul', { class: 'attendance' }, rows.map(r => r.element)), totals));
    report = () => {
      const attendance = rows.filter(r => r.served.checked).map(r => ({ memberId: r.member.id, hours: Number(r.hours.value) }));
      if (!attendance.length) throw new Error('请勾选参与服务的队员');
      return { summary: summary.value, attendance };
    };
  } else {
    const hours = h('input', { type: 'number', name: 'serviceHours', min: '0.5', step: '0.5', required: true, value: String(plannedHours(order)) });
    const people = h('input', { type: 'number', name: 'volunteersCount', min: '1', step: '1', required: true, value: String(order.volunteersNeeded) });
    form.append(field('服务时长（小时）', hours), field('参与人数', people),
      h('p', { class: 'meta' }, '在“本队队员”登记队员后，可按人记录服务时长，队员可凭记录开具志愿服务证明。'));
    report = () => ({ serviceHours: Number(hours.value), volunteersCount: Number(people.value), summary: summary.value });
  }
  form.append(field('服务小结', summary), submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(submit, async () => {
      await post(`/api/orders/${order.needId}/complete`, report());
      notify(`已报告完成：${order.title}`, 'success');
      await reload();
    });
  });
  return form;
}
