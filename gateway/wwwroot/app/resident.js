// The residents' pages, without an account: a community's request form (/ask/{communityId}, from its poster's QR code)
// and a request's tracking page (/track/{code}) with the resident's rating. Phone width first; every message Chinese.
import { h, fill, field, formatTime, toLocalInput, fromLocalInput } from './ui.js';

const main = document.getElementById('main');
const noticeBox = document.getElementById('notice');

function notice(message, kind = 'info') {
  noticeBox.textContent = message;
  noticeBox.className = `notice ${kind}`;
  noticeBox.hidden = !message;
}

function show(title, ...content) {
  document.title = `${title} · 居民求助`;
  fill(main, h('h1', {}, title), ...content);
}

/** A public call: resolves to the JSON body, or throws an Error whose message is the server's Chinese detail. */
async function call(method, path, body) {
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: { accept: 'application/json, application/problem+json', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  } catch {
    throw new Error('网络连接失败，请检查网络后再试。');
  }
  const text = await response.text();
  const data = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : null;
  if (!response.ok) {
    const fields = data?.errors ? Object.values(data.errors).flat() : [];
    const message = fields.length ? fields.join(' ') : data?.detail;
    throw new Error(message || (response.status === 413 ? '填写的内容太长了，请精简后再提交。'
      : response.status >= 500 ? '系统暂时出错，请稍后再试。' : '提交未成功，请稍后再试。'));
  }
  return data;
}

async function busy(button, action) {
  button.disabled = true;
  try {
    return await action();
  } catch (error) {
    notice(error.message, 'error');
    return null;
  } finally {
    button.disabled = false;
  }
}

// ——— The request form ———

function privacyNotice(form) {
  return h('section', { class: 'card privacy', 'aria-labelledby': 'privacy-title' },
    h('h2', { id: 'privacy-title' }, '个人信息使用说明'),
    h('p', {}, `您填写的称呼、电话和地址只用于安排这次志愿服务，依照《中华人民共和国个人信息保护法》处理：`),
    h('ul', {},
      h('li', {}, `${form.branchName}查看您填写的全部内容，用于受理、派单和回访；街道协调员为督办也可查看。`),
      h('li', {}, `接单的服务队伍只在服务期间和服务完成后 ${form.contactDaysAfterCompletion} 天内看到您的联系方式；其他队伍只看到服务类别和时间。`),
      h('li', {}, `服务办结（或求助被拒绝）${form.retentionDays} 天后，您的个人信息会被删除，只保留不含个人信息的统计数字。`),
      h('li', {}, '您可以随时联系社区党支部查询、更正或删除您的信息，或撤回同意。')));
}

async function showForm(communityId) {
  let form;
  try {
    form = await call('GET', `/api/requests/communities/${encodeURIComponent(communityId)}/form`);
  } catch (error) {
    show('居民求助', h('p', { class: 'error' }, error.message));
    return;
  }
  const category = h('select', { name: 'category', required: true },
    h('option', { value: '' }, '请选择'), form.categories.map(c => h('option', { value: c.key }, c.name)));
  const description = h('textarea', { name: 'description', rows: '4', required: true, maxlength: String(form.descriptionLimit) });
  const wantedAt = h('input', { name: 'wantedAt', type: 'datetime-local', required: true });
  wantedAt.value = toLocalInput(new Date(Date.now() + 24 * 3600 * 1000).toISOString()).slice(0, 14) + '00';
  const contactName = h('input', { name: 'contactName', required: true, maxlength: '50', autocomplete: 'name' });
  const contactPhone = h('input', { name: 'contactPhone', type: 'tel', required: true, maxlength: '30', autocomplete: 'tel', inputmode: 'tel' });
  const address = h('input', { name: 'address', required: true, maxlength: '200', autocomplete: 'street-address' });
  // The honeypot: off-screen and out of the tab order, so only a robot filling every field fills it.
  const website = h('input', { name: 'website', tabindex: '-1', autocomplete: 'off' });
  const consent = h('input', { name: 'consent', type: 'checkbox', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交求助');
  const element = h('form', { class: 'card', 'aria-label': '求助表' },
    field('需要的服务', category),
    field('需要什么帮助', description, `请写清楚需要做什么（最多 ${form.descriptionLimit} 字）`),
    field('希望服务的时间', wantedAt),
    field('称呼', contactName, '例如：李奶奶'),
    field('联系电话', contactPhone, '手机或固定电话，社区会打这个电话联系您'),
    field('地址', address, '小区、楼号和门牌号'),
    h('div', { class: 'hp' }, field('请勿填写此项', website)),
    privacyNotice(form),
    h('div', { class: 'field' }, h('label', { class: 'choice' }, consent, '我已阅读并同意上述个人信息使用说明')),
    submit);
  element.addEventListener('submit', async event => {
    event.preventDefault();
    notice('');
    const filed = await busy(submit, () => call('POST', '/api/requests', {
      communityId, category: category.value, description: description.value, wantedAt: fromLocalInput(wantedAt.value),
      contactName: contactName.value, contactPhone: contactPhone.value, address: address.value, consent: consent.checked,
      website: website.value || null,
    }));
    if (filed) showFiled(filed);
  });
  show(`${form.communityName} · 居民求助`,
    h('p', {}, `遇到困难需要帮忙？填写下面的表格，${form.branchName}会尽快受理，并安排志愿服务队伍上门服务。`),
    element,
    lookupForm());
}

function showFiled(filed) {
  notice('');
  const link = new URL(filed.trackingPath, location.origin).href;
  show('求助已提交',
    h('div', { class: 'card once' },
      h('p', {}, '社区党支部已收到您的求助（已受理），会尽快联系您。'),
      h('p', {}, '查询码：', h('strong', { class: 'secret', id: 'lookup-code' }, filed.lookupCode)),
      h('p', {}, '请记下查询码：以后用您的电话号码和查询码可以查到办理进度。'),
      h('p', {}, '或保存这个进度链接：', h('a', { href: filed.trackingPath, id: 'tracking-link' }, link))),
    h('p', {}, h('a', { href: filed.trackingPath, class: 'button primary' }, '查看办理进度')));
  main.focus();
}

function lookupForm() {
  const phone = h('input', { name: 'contactPhone', type: 'tel', required: true, maxlength: '30', autocomplete: 'tel', inputmode: 'tel' });
  const code = h('input', { name: 'lookupCode', required: true, maxlength: '6', inputmode: 'numeric', autocomplete: 'off' });
  const submit = h('button', { type: 'submit' }, '查询进度');
  const element = h('form', { class: 'card', 'aria-label': '查询办理进度' },
    h('h2', {}, '查询办理进度'), field('提交时的联系电话', phone), field('查询码', code, '提交求助后显示的 6 位数字'), submit);
  element.addEventListener('submit', async event => {
    event.preventDefault();
    const found = await busy(submit, () => call('POST', '/api/requests/lookup', { contactPhone: phone.value, lookupCode: code.value }));
    if (found) location.assign(found.trackingPath);
  });
  return element;
}

// ——— Tracking and rating ———

const steps = [['received', '已受理'], ['dispatched', '已派单'], ['in_service', '服务中'], ['completed', '已完成']];

function progress(state) {
  if (state === 'declined') return h('ol', { class: 'steps' }, h('li', { class: 'done', 'aria-current': 'step' }, '已拒绝'));
  const reached = steps.findIndex(([key]) => key === state);
  return h('ol', { class: 'steps' }, steps.map(([key, label], i) =>
    h('li', { class: i <= reached ? 'done' : '', 'aria-current': i === reached ? 'step' : null }, label)));
}

function ratingForm(code) {
  const comment = h('textarea', { name: 'comment', rows: '3', maxlength: '500' });
  const stars = h('fieldset', { class: 'choices' }, h('legend', {}, '服务满意度（1 到 5 星）'),
    h('div', { class: 'choice-list' }, [5, 4, 3, 2, 1].map(score =>
      h('label', { class: 'choice' }, h('input', { type: 'radio', name: 'score', value: String(score), required: true }), `${score} 星`))));
  const submit = h('button', { type: 'submit', class: 'primary' }, '提交评价');
  const element = h('form', { class: 'card', 'aria-label': '评价服务' }, h('h2', {}, '评价这次服务'), stars,
    field('想说的话（选填）', comment), submit);
  element.addEventListener('submit', async event => {
    event.preventDefault();
    const score = Number(element.querySelector('input[name=score]:checked')?.value);
    const rated = await busy(submit, () => call('POST', `/api/requests/track/${encodeURIComponent(code)}/rating`, { score, comment: comment.value || null }));
    if (rated) {
      drawTracking(code, rated);
      notice('感谢您的评价！', 'success');
    }
  });
  return element;
}

function drawTracking(code, view) {
  const label = view.state === 'declined' ? '已拒绝' : steps.find(([key]) => key === view.state)?.[1] ?? view.state;
  const refresh = h('button', { type: 'button', onclick: () => showTracking(code) }, '刷新');
  show('求助进度',
    h('section', { class: 'card', 'aria-labelledby': 'state-title' },
      h('h2', { id: 'state-title' }, '当前状态：', h('span', { id: 'state' }, label)),
      progress(view.state),
      h('dl', {},
        h('dt', {}, '社区'), h('dd', {}, view.communityName || '—'),
        h('dt', {}, '服务'), h('dd', {}, view.categoryName),
        h('dt', {}, '提交时间'), h('dd', {}, formatTime(view.filedAt)),
        h('dt', {}, '希望服务时间'), h('dd', {}, formatTime(view.wantedAt)),
        view.teamName ? [h('dt', {}, '服务队伍'), h('dd', { id: 'team' }, view.teamName)] : null),
      view.declineReason ? h('p', { class: 'reason', id: 'reason' }, `原因：${view.declineReason}`) : null,
      view.residentScore ? h('p', { id: 'rated' }, `您的评价：${view.residentScore} 星（${formatTime(view.ratedAt)}）`) : null,
      h('div', { class: 'actions' }, refresh)),
    view.canRate ? ratingForm(code) : null);
}

async function showTracking(code) {
  try {
    drawTracking(code, await call('GET', `/api/requests/track/${encodeURIComponent(code)}`));
  } catch (error) {
    show('求助进度', h('p', { class: 'error' }, error.message), lookupForm());
  }
}

const [, kind, value] = location.pathname.match(/^\/(ask|track)\/([^/]+)$/) ?? [];
if (kind === 'ask') showForm(decodeURIComponent(value));
else if (kind === 'track') showTracking(decodeURIComponent(value));
else show('居民求助', h('p', {}, '请扫描社区海报上的二维码打开求助页面。'), lookupForm());
