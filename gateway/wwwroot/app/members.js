// A team's members (its volunteers), each member's service-hours ledger with its corrections, and the service-record
// certificates (志愿服务记录证明) issued from it. A team sees its own (本队队员); a coordinator reaches a team's from the
// incubation board; an admin reads them without phones.
import { get, getAll, post, put, request, download } from './api.js';
import { categories, importOutcomes, fieldName } from './labels.js';
import { h, notify, act, field, badge, empty, formatTime, dataTable } from './ui.js';

const uuid = '([0-9a-f-]{36})';

export const teamPages = [
  [/^\/members$/, current => showMembers(current, current.teamId)],
  [new RegExp(`^/members/${uuid}$`), (current, memberId) => showMember(current, current.teamId, memberId)],
];

export const coordinatorPages = [
  [new RegExp(`^/teams/${uuid}/members$`), showMembers],
  [new RegExp(`^/teams/${uuid}/members/${uuid}$`), showMember],
];

/** A Beijing calendar day, yyyy-MM-dd, as a date input wants it. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const day = iso => (iso ? iso.replaceAll('-', '/') : '—');
const hours = value => `${Number(value)} 小时`;
const memberPath = (current, teamId, memberId) => (current.role === 'team' ? `#/members/${memberId}` : `#/teams/${teamId}/members/${memberId}`);
const keeps = current => current.role === 'team' || current.role === 'coordinator';

async function showMembers(current, teamId) {
  const team = await get(`/api/teams/${teamId}`);
  const list = h('ol', { class: 'cards', 'aria-label': '队员名单' });
  const summary = h('p', { class: 'count' });
  const title = current.role === 'team' ? '本队队员' : `${team.name} · 队员`;

  async function load() {
    const members = (await getAll(`/api/teams/${teamId}/members`)).items;
    const staying = members.filter(m => !m.leftOn);
    summary.textContent = `在队 ${staying.length} 人，已离队 ${members.length - staying.length} 人；全体累计服务 ${hours(members.reduce((sum, m) => sum + m.serviceHours, 0))}`;
    list.replaceChildren(...(members.length ? members.map(memberCard) : [h('li', {}, empty('还没有登记队员'))]));
  }

  function memberCard(member) {
    const actions = h('div', { class: 'actions' }, h('a', { href: memberPath(current, teamId, member.id) }, '服务记录与证明'));
    if (keeps(current) && !member.leftOn) {
      const leave = h('button', { type: 'button', 'aria-label': `登记离队：${member.name}` }, '登记离队');
      leave.addEventListener('click', () => askLeftOn(leave, member));
      actions.append(leave);
    }
    return h('li', { class: 'card member', 'data-member-id': member.id },
      h('h2', {}, member.name),
      h('p', { class: 'meta' }, member.leftOn ? badge('已离队') : badge('在队', 'created')),
      h('dl', {},
        h('dt', {}, '电话'), h('dd', {}, member.phone ?? '—'),
        h('dt', {}, '技能'), h('dd', {}, member.skills.length ? member.skills.join('、') : '—'),
        h('dt', {}, '加入日期'), h('dd', {}, day(member.joinedOn)),
        member.leftOn ? [h('dt', {}, '离队日期'), h('dd', {}, day(member.leftOn))] : null,
        h('dt', {}, '累计服务'), h('dd', {}, hours(member.serviceHours))),
      actions);
  }

  function askLeftOn(button, member) {
    button.parentElement.querySelector('form')?.remove();
    const leftOn = h('input', { type: 'date', name: 'leftOn', required: true, value: today(), max: today(), min: member.joinedOn });
    const ok = h('button', { type: 'submit', class: 'primary' }, '确定');
    const form = h('form', { class: 'inline-form', 'aria-label': `${member.name}的离队日期` }, field('离队日期', leftOn), ok);
    form.addEventListener('submit', event => {
      event.preventDefault();
      act(ok, async () => {
        await put(`/api/teams/${teamId}/members/${member.id}`, { ...member, leftOn: leftOn.value });
        notify(`已登记离队：${member.name}`, 'success');
        await load();
      });
    });
    button.after(form);
    leftOn.focus();
  }

  current.page(title, summary, keeps(current) ? [addForm(teamId, load), importForm(teamId, load)] : [], list);
  await load();
}

function addForm(teamId, reload) {
  const name = h('input', { name: 'name', required: true, maxlength: '50', autocomplete: 'off' });
  const phone = h('input', { name: 'phone', type: 'tel', maxlength: '30', autocomplete: 'off' });
  const skills = h('input', { name: 'skills', maxlength: '200' });
  const joinedOn = h('input', { name: 'joinedOn', type: 'date', required: true, value: today(), max: today() });
  const submit = h('button', { type: 'submit', class: 'primary' }, '登记');
  const form = h('form', { class: 'inline-form', 'aria-label': '登记新队员' },
    field('姓名', name), field('电话', phone, '仅本队和街道协调员可见'), field('技能', skills, '多个技能用顿号或逗号隔开'), field('加入日期', joinedOn), submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    act(submit, async () => {
      const member = await post(`/api/teams/${teamId}/members`, {
        name: name.value, phone: phone.value || null, joinedOn: joinedOn.value,
        skills: skills.value.split(/[、,，;；]/).map(s => s.trim()).filter(Boolean),
      });
      notify(`已登记队员：${member.name}`, 'success');
      form.reset();
      joinedOn.value = today();
      await reload();
    });
  });
  return h('details', { class: 'card' }, h('summary', {}, '登记新队员'), form);
}

function importForm(teamId, reload) {
  const file = h('input', { type: 'file', name: 'file', accept: '.csv,text/csv', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, '导入');
  const report = h('div', { 'aria-live': 'polite' });
  const form = h('form', { 'aria-label': '从表格导入队员' },
    field('队员名单（CSV，UTF-8 或 Excel 导出的 GB18030）', file, '第一行为表头：姓名、电话、技能、加入日期、离队日期；姓名和加入日期必填'), submit);
  form.addEventListener('submit', event => {
    event.preventDefault();
    if (!file.files.length) return notify('请选择文件', 'error');
    act(submit, async () => {
      const data = new FormData();
      data.append('file', file.files[0]);
      const result = await request('POST', `/api/teams/${teamId}/members/import`, data);
      notify(`导入完成：新增 ${result.created} 人，重复 ${result.duplicates} 人，有误 ${result.invalid} 行`, result.invalid ? 'error' : 'success');
      report.replaceChildren(
        result.ignoredColumns?.length ? h('p', {}, `未识别的列：${result.ignoredColumns.join('、')}`) : null,
        dataTable('逐行结果', ['行号', '结果', '姓名', '问题'], result.rows.map(row => ({ cells: [
          row.line,
          badge(importOutcomes[row.outcome] ?? row.outcome, row.outcome),
          row.name ?? '',
          row.errors ? Object.keys(row.errors).map(key => `${fieldName(key)}填写有误`).join('；') : '',
        ] }))));
      await reload();
    });
  });
  return h('details', { class: 'card' }, h('summary', {}, '从表格导入队员'), form, report);
}

async function showMember(current, teamId, memberId) {
  const member = await get(`/api/teams/${teamId}/members/${memberId}`);
  const total = h('p', { class: 'count' });
  const ledger = h('div', {});
  const certificates = h('div', {});
  const back = h('a', { href: current.role === 'team' ? '#/members' : `#/teams/${teamId}/members` }, '返回队员名单');

  async function load() {
    const [fresh, records, issued] = await Promise.all([
      get(`/api/teams/${teamId}/members/${memberId}`),
      getAll(`/api/teams/${teamId}/members/${memberId}/records`),
      get(`/api/teams/${teamId}/members/${memberId}/certificates`),
    ]);
    total.textContent = `累计有效服务时长 ${hours(fresh.serviceHours)}（共 ${records.items.filter(r => r.current && r.hours > 0).length} 条有效记录）`;
    ledger.replaceChildren(records.items.length ? ledgerCards(records.items) : empty('还没有服务记录：队伍报告完成时勾选该队员即会记录'));
    certificates.replaceChildren(issued.length ? h('ul', { class: 'certificates' }, issued.map(certificateItem)) : empty('还没有开具过证明'));
  }

  // Cards rather than a table: they read as well on a phone as at a desk.
  function ledgerCards(records) {
    return h('ol', { class: 'cards', 'aria-label': '服务记录（更正不覆盖原记录，只有“有效”的记录计入时长）' }, records.map(record => {
      const actions = h('div', { class: 'actions' });
      if (record.current && keeps(current)) {
        const correct = h('button', { type: 'button', 'aria-label': `更正 ${day(record.servedOn)} 的记录` }, '更正');
        correct.addEventListener('click', () => askCorrection(correct, record));
        actions.append(correct);
      }
      return h('li', { class: 'card record', 'data-record-id': record.id },
        h('h3', {}, `${day(record.servedOn)} · ${categories[record.category] ?? record.categoryName}`),
        h('p', {}, h('strong', {}, hours(record.hours)), ' ', record.current ? badge('有效', 'created') : badge('已更正')),
        h('p', { class: 'meta' }, `${record.communityName ?? '—'} · ${record.teamName}`),
        h('p', { class: 'meta' }, `记录人 ${record.recordedBy}（${formatTime(record.recordedAt)}）`),
        record.correctsId ? h('p', {}, `更正原因：${record.reason}`) : null,
        actions);
    }));
  }

  function askCorrection(button, record) {
    button.parentElement.querySelector('form')?.remove();
    const value = h('input', { type: 'number', name: 'hours', min: '0', max: '24', step: '0.5', required: true, value: String(record.hours) });
    const reason = h('textarea', { name: 'reason', rows: '2', required: true, maxlength: '500' });
    const ok = h('button', { type: 'submit', class: 'primary' }, '提交更正');
    const form = h('form', { class: 'inline-form', 'aria-label': `更正 ${day(record.servedOn)} 的记录` },
      field('应为（小时，未到岗填 0）', value), field('更正原因', reason), ok);
    form.addEventListener('submit', event => {
      event.preventDefault();
      act(ok, async () => {
        await post(`/api/teams/${teamId}/members/${memberId}/records`, { correctsId: record.id, hours: Number(value.value), reason: reason.value });
        notify('已更正：原记录保留，新记录生效', 'success');
        await load();
      });
    });
    button.after(form);
    value.focus();
  }

  function certificateItem(certificate) {
    const pdf = h('button', { type: 'button', class: 'primary', 'aria-label': `下载证明 ${certificate.code}（PDF）` }, '下载 PDF');
    pdf.addEventListener('click', () => act(pdf, () => download(certificate.pdf, `志愿服务记录证明-${certificate.volunteerName}-${certificate.code}.pdf`)));
    return h('li', { class: 'card', 'data-code': certificate.code },
      h('p', {}, h('strong', {}, `证明编号 ${certificate.code}`)),
      h('p', { class: 'meta' }, `${day(certificate.from)} 至 ${day(certificate.to)}，累计 ${hours(certificate.hours)}；${certificate.issuer} 于 ${day(certificate.issuedOn)} 出具`),
      h('div', { class: 'actions' }, pdf, h('a', { href: `/verify/${certificate.code}`, target: '_blank', rel: 'noopener' }, '打开核验页面')));
  }

  function issueForm() {
    const year = today().slice(0, 4);
    const from = h('input', { type: 'date', name: 'from', required: true, value: `${year}-01-01`, max: today() });
    const to = h('input', { type: 'date', name: 'to', required: true, value: today(), max: today() });
    const submit = h('button', { type: 'submit', class: 'primary' }, '开具证明');
    const form = h('form', { class: 'inline-form', 'aria-label': '开具志愿服务记录证明' }, field('服务期间从', from), field('到', to), submit);
    form.addEventListener('submit', event => {
      event.preventDefault();
      act(submit, async () => {
        const certificate = await post(`/api/teams/${teamId}/members/${memberId}/certificates`, { from: from.value, to: to.value });
        notify(`已开具证明 ${certificate.code}：累计 ${hours(certificate.hours)}`, 'success');
        await load();
      });
    });
    return form;
  }

  current.page(`${member.name}的志愿服务`,
    h('p', {}, back), total,
    h('section', { 'aria-labelledby': 'ledger-title' }, h('h2', { id: 'ledger-title' }, '服务记录'), ledger),
    h('section', { 'aria-labelledby': 'certificates-title' },
      h('h2', { id: 'certificates-title' }, '志愿服务记录证明'),
      h('p', {}, '依据民发〔2015〕149号，证明载明服务内容、时长、期间、记录单位与出具日期，留有盖章处，附验证码和二维码，任何人可在核验页面查验真伪。'),
      keeps(current) ? issueForm() : null,
      certificates));
  await load();
}
