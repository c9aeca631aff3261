// The public check of a service-record certificate (/verify/{code}): no account, only what the certificate prints.
import { h } from './ui.js';
import { categories } from './labels.js';

const day = iso => {
  const [year, month, date] = iso.split('-').map(Number);
  return `${year}年${month}月${date}日`;
};
const hours = value => `${Number(value)} 小时`;

async function verify(code) {
  const verdict = document.getElementById('verdict');
  const holder = document.getElementById('certificate');
  holder.replaceChildren();
  if (!code) {
    verdict.textContent = '请输入证书上的证明编号。';
    return;
  }
  let response;
  try {
    response = await fetch(`/api/verify/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } });
  } catch {
    verdict.textContent = '暂时无法核验，请稍后再试。';
    return;
  }
  if (response.status === 404) {
    verdict.className = 'notice error';
    verdict.textContent = `未找到编号为 ${code} 的证明：编号可能有误，或该证明并非本系统出具。`;
    return;
  }
  if (!response.ok) {
    verdict.className = 'notice error';
    verdict.textContent = response.status === 429 ? '查询太频繁，请稍后再试。' : '暂时无法核验，请稍后再试。';
    return;
  }
  const c = await response.json();
  verdict.className = 'notice success';
  verdict.textContent = '✔ 证明真实有效：以下为该证明所载内容。';
  holder.replaceChildren(h('section', { class: 'card', 'aria-label': '证明内容' },
    h('dl', {},
      h('dt', {}, '证明编号'), h('dd', {}, c.code),
      h('dt', {}, '志愿者'), h('dd', {}, c.volunteerName),
      h('dt', {}, '服务期间'), h('dd', {}, `${day(c.from)} 至 ${day(c.to)}`),
      h('dt', {}, '累计服务时长'), h('dd', {}, hours(c.hours)),
      h('dt', {}, '记录单位'), h('dd', {}, c.organisation),
      h('dt', {}, '出具单位'), h('dd', {}, c.issuer),
      h('dt', {}, '出具日期'), h('dd', {}, day(c.issuedOn))),
    h('div', { class: 'table-wrap' }, h('table', {},
      h('caption', {}, '服务内容'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '服务内容'), h('th', { scope: 'col' }, '服务次数'), h('th', { scope: 'col' }, '服务时长'))),
      h('tbody', {}, c.services.map(s => h('tr', {},
        h('td', {}, categories[s.category] ?? s.categoryName), h('td', {}, `${s.orders} 次`), h('td', {}, hours(s.hours)))))))));
}

const typed = decodeURIComponent(location.pathname.replace(/^\/verify\/?/, ''));
document.getElementById('code').value = typed;
document.getElementById('lookup').addEventListener('submit', event => {
  event.preventDefault();
  const code = document.getElementById('code').value.trim();
  history.pushState(null, '', `/verify/${encodeURIComponent(code)}`);
  verify(code);
});
verify(typed);
