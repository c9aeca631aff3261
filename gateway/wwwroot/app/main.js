// The shell: sign-in, the navigation of each role, and the hash router that shows one page at a time.
import { session, signIn, changePassword, whenSignedOut } from './api.js';
import { roles, passwordRules } from './labels.js';
import { h, page, field, notify, act } from './ui.js';
import * as team from './team.js';
import * as branch from './branch.js';
import * as requests from './requests.js';
import * as coordinator from './coordinator.js';
import * as admin from './admin.js';
import * as audit from './audit.js';
import * as coordinatorTeams from './coordinator-teams.js';
import * as members from './members.js';

// Per role: the pages in the navigation (first is home) and the pages reached from them.
const areas = {
  team: { nav: [['#/hall', '派单大厅'], ['#/mine', '我的订单'], ['#/profile', '本队服务清单'], ['#/members', '本队队员']], pages: [...team.pages, ...members.teamPages] },
  branch: {
    nav: [['#/needs', '需求清单'], ['#/needs/new', '新建需求'], ['#/import', '导入清单'], ['#/requests', '居民求助'], ['#/poster', '求助海报']],
    pages: [...branch.pages, ...requests.pages],
  },
  coordinator: {
    nav: [['#/dashboard', '数据看板'], ['#/teams', '孵化看板'], ['#/teams/new', '登记队伍'], ['#/teams/import', '导入花名册'],
      ['#/changes', '变更审批'], ['#/meeting', '供需对接会']],
    pages: [...coordinator.pages, ...coordinatorTeams.pages, ...members.coordinatorPages],
  },
  admin: {
    nav: [['#/dashboard', '数据看板'], ['#/places', '区划管理'], ['#/accounts', '账号管理'], ['#/audit', '审计日志']],
    pages: [...admin.pages, ...audit.pages, ...coordinator.pages, ...coordinatorTeams.pages, ...members.coordinatorPages],
  },
};

let leave = () => {};
// Navigations in order. A page still loading when the person moves on must neither draw itself over the newer page
// nor keep running (its live stream, say): each page draws through its own navigation's `current.page`.
let navigations = 0;
const drawFor = navigation => (title, ...content) =>
  navigation === navigations ? page(title, ...content) : document.createElement('main');

function showSignIn() {
  leave();
  navigations += 1; // whatever was loading stays off the sign-in page
  document.getElementById('nav').hidden = true;
  document.getElementById('who').hidden = true;
  const username = h('input', { name: 'username', autocomplete: 'username', required: true });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, '登录');
  const form = h('form', { class: 'card narrow', 'aria-label': '登录' },
    field('用户名', username), field('密码', password), submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const signedIn = await act(submit, () => signIn(username.value.trim(), password.value));
    if (signedIn) {
      notify('');
      location.hash = signedIn.mustChangePassword ? '#/password' : areas[signedIn.role]?.nav[0][0] ?? '#/';
      route();
    }
  });
  page('登录', h('p', {}, '请用社区党支部、志愿服务队伍或街道协调员的账号登录。'), form);
}

/**
 * Choosing a new password: every role's own page, and the only page an account signed in with a one-time password
 * gets until it has chosen one (the server refuses that session everything else too).
 */
function showPassword(current) {
  const first = current.mustChangePassword;
  const oldPassword = h('input', { name: 'currentPassword', type: 'password', autocomplete: 'current-password', required: true });
  const newPassword = h('input', { name: 'newPassword', type: 'password', autocomplete: 'new-password', required: true, minlength: '8', maxlength: '128' });
  const again = h('input', { name: 'confirmPassword', type: 'password', autocomplete: 'new-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, '保存新密码');
  const rules = [passwordRules.too_short, passwordRules.letters_and_digits, passwordRules.same_as_username, '不能是最常见的密码'].join('；');
  const form = h('form', { class: 'card narrow', 'aria-label': '设置新密码' },
    field(first ? '一次性密码' : '当前密码', oldPassword), field('新密码', newPassword, rules), field('确认新密码', again), submit);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (newPassword.value !== again.value) return notify('两次输入的新密码不一致', 'error');
    const signedIn = await act(submit, () => changePassword(oldPassword.value, newPassword.value));
    if (signedIn) {
      // Not through the hash change, whose handler clears the notice.
      history.replaceState(null, '', areas[signedIn.role]?.nav[0][0] ?? '#/');
      await route();
      notify('密码已修改，请记住新密码', 'success');
    }
  });
  current.page(first ? '设置新密码' : '修改密码',
    first ? h('p', {}, '这是您第一次登录（或密码刚被重置）。请先把一次性密码换成只有您知道的新密码，然后才能使用系统。') : null,
    form);
}

function showShell(current) {
  const area = areas[current.role];
  const nav = document.getElementById('nav');
  nav.replaceChildren(h('ul', {}, area.nav.map(([href, label]) => h('li', {}, h('a', { href }, label)))));
  nav.hidden = Boolean(current.mustChangePassword);
  const who = document.getElementById('who');
  who.replaceChildren(h('span', {}, `${roles[current.role] ?? current.role} · ${current.username}`),
    current.mustChangePassword ? null : h('a', { href: '#/password' }, '修改密码'),
    h('button', { type: 'button', class: 'link', onclick: () => { session.clear(); location.hash = ''; showSignIn(); } }, '退出'));
  who.hidden = false;
  for (const link of nav.querySelectorAll('a'))
    link.toggleAttribute('aria-current', location.hash === link.getAttribute('href'));
  for (const link of nav.querySelectorAll('a[aria-current]')) link.setAttribute('aria-current', 'page');
}

async function route() {
  leave();
  leave = () => {};
  const navigation = ++navigations;
  const current = session.get();
  if (!current) return showSignIn();
  const area = areas[current.role];
  if (!area) {
    showShell({ ...current, role: 'admin' });
    return;
  }
  if (current.mustChangePassword && location.hash !== '#/password') history.replaceState(null, '', '#/password');
  if (!location.hash || location.hash === '#/' || location.hash === '#main') {
    history.replaceState(null, '', area.nav[0][0]);
  }
  showShell(current);
  const path = location.hash.slice(1);
  for (const [pattern, show] of [[/^\/password$/, showPassword], ...area.pages]) {
    const match = path.match(pattern);
    if (match) {
      try {
        const stop = (await show({ ...current, page: drawFor(navigation) }, ...match.slice(1))) ?? (() => {});
        if (navigation === navigations) leave = stop;
        else stop();
      } catch (error) {
        if (navigation === navigations) page('出错了', h('p', { class: 'error' }, error.message));
      }
      return;
    }
  }
  page('未找到页面', h('p', {}, h('a', { href: area.nav[0][0] }, '回到首页')));
}

document.querySelector('.skip').addEventListener('click', event => { event.preventDefault(); document.getElementById('main').focus(); });
whenSignedOut(() => { notify('登录已失效，请重新登录', 'error'); showSignIn(); });
window.addEventListener('hashchange', () => { if (location.hash !== '#main') { notify(''); route(); } });
route();
