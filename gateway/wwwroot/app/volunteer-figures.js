// The station's yearly volunteer figures on the coordinator's dashboard: per community, registered and active
// volunteers, service hours and orders served, and the teams with the most hours; the table as CSV.
import { get, download } from './api.js';
import { h, act, field, empty, bars, dataTable } from './ui.js';

const hours = value => `${Number(value)} 小时`;
const figure = (label, value, note) => h('div', { class: 'figure' }, h('span', { class: 'figure-label' }, label), h('strong', {}, value), note ? h('small', {}, note) : null);

/** The section for the street <street.query> names when it loads (empty for a coordinator's own street). */
export function volunteerFigures(street) {
  const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  const year = h('select', { name: 'year' }, Array.from({ length: 6 }, (_, i) => thisYear - i).map(y => h('option', { value: String(y) }, `${y} 年`)));
  const show = h('button', { type: 'submit' }, '按年度统计');
  const content = h('div', {});
  const form = h('form', { class: 'toolbar', 'aria-label': '志愿服务统计年度' }, field('年度', year), show);
  const section = h('section', { 'aria-labelledby': 'volunteers-title' },
    h('h2', { id: 'volunteers-title' }, '志愿者与服务时长'),
    h('p', { class: 'meta' }, '按队伍所在社区统计：注册志愿者为当年在队的队员，活跃志愿者为当年有服务时长的队员。'), form, content);

  async function load() {
    const query = new URLSearchParams(street.query);
    query.set('year', year.value);
    const f = await get(`/api/stats/volunteers?${query}`);
    const csv = h('button', { type: 'button' }, `下载 ${f.year} 年志愿服务统计表（CSV）`);
    csv.addEventListener('click', () => act(csv, () => download(`/api/stats/volunteers.csv?${query}`, `志愿服务统计-${f.streetName}-${f.year}.csv`)));
    content.replaceChildren(
      h('div', { class: 'figures', 'aria-label': `${f.year} 年志愿服务总体` },
        figure('注册志愿者', String(f.totals.registeredVolunteers), `${f.year} 年在队`),
        figure('活跃志愿者', String(f.totals.activeVolunteers), '当年参加过服务'),
        figure('服务时长', hours(f.totals.serviceHours), '含只报总数的订单'),
        figure('服务订单', String(f.totals.ordersServed), '已完成的服务')),
      dataTable(`${f.streetName} ${f.year} 年各社区志愿服务`, ['社区', '注册志愿者', '活跃志愿者', '服务时长', '服务订单', '时长前列的队伍'],
        f.byCommunity.map(c => ({
          attributes: { 'data-community-id': c.communityId },
          cells: [c.communityName, c.registeredVolunteers, c.activeVolunteers, hours(c.serviceHours), c.ordersServed,
            c.topTeams.length ? c.topTeams.map(t => `${t.teamName}（${Number(t.serviceHours)}）`).join('、') : '—'],
        }))),
      f.topTeams.length
        ? bars(`${f.year} 年服务时长前 ${f.topTeams.length} 的队伍`, f.topTeams.map(t => ({ label: t.teamName, value: t.serviceHours, text: hours(t.serviceHours) })))
        : empty('这一年还没有服务时长'),
      h('p', {}, csv));
  }
  form.addEventListener('submit', event => { event.preventDefault(); act(show, load); });
  return { section, load };
}
