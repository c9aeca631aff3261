// Chinese names for the API's keys, and Chinese messages for its problem details.

export const categories = {
  elderly_care: '养老服务', child_welfare: '儿童福利', social_assistance: '社会救助', disability_support: '助残',
  health: '医疗健康', counselling: '心理疏导', traffic_civility: '文明交通', environment: '环境整治',
  anti_fraud: '防诈宣传', legal_aid: '法律咨询', culture: '文化活动',
};

export const needStatuses = {
  draft: '草稿', published: '待接单', claimed: '已接单', in_service: '服务中', completed: '待评价',
  closed: '已评价', cancelled: '已撤销', expired: '已过期',
};

export const requestStatuses = { received: '待处理', accepted: '已受理为需求', merged: '已合并', declined: '已拒绝' };

// The states a resident's tracking page shows.
export const residentProgress = { received: '已受理', dispatched: '已派单', in_service: '服务中', completed: '已完成', declined: '已拒绝' };

export const teamStatuses = { applied: '已申请', incubating: '孵化中', hatched: '已孵化', suspended: '已暂停', retired: '已退出' };

export const teamKinds = { volunteer_team: '志愿服务队伍', social_org: '社区社会组织' };

export const serviceAreas = { community: '本社区', street: '全街道', district: '全区' };

export const availabilities = { weekdays: '工作日', weekends: '周末', evenings: '晚上' };

export const changeStatuses = { applied: '已生效', pending: '待审批', approved: '已批准', rejected: '已驳回', withdrawn: '已撤回' };

export const urgencies = { normal: '一般', urgent: '紧急' };

export const roles = { admin: '管理员', coordinator: '街道协调员', branch: '社区党支部', team: '志愿服务队伍' };

export const escalationLevels = ['本社区', '已扩大到全街道', '已扩大到全区', '已提醒协调员'];

export const importOutcomes = { created: '已导入', duplicate: '重复', invalid: '有误' };

const fields = {
  title: '标题', description: '描述', category: '类别', volunteersNeeded: '人数', skills: '技能', startsAt: '开始时间',
  endsAt: '结束时间', claimDeadline: '截止时间', urgency: '紧急程度', beneficiaries: '受益人数', address: '地址',
  contactName: '联系人', contactPhone: '联系电话', targetTeamId: '指定队伍', score: '评分', comment: '评价',
  reason: '原因', serviceHours: '服务时长', volunteersCount: '参与人数', summary: '服务小结', username: '用户名',
  password: '密码', file: '文件', ids: '需求', currentPassword: '当前密码', newPassword: '新密码', role: '角色',
  communityId: '社区', streetId: '街道', teamId: '队伍', name: '名称', branchName: '党组织', district: '区/县',
  street: '街道/镇', community: '社区/村', accounts: '账号', account: '账号', q: '用户名', status: '状态',
  kind: '类型', categories: '服务类别', serviceArea: '服务范围', capacity: '承接能力', capacityCeiling: '承接能力上限',
  availability: '服务时间', membersCount: '成员数', leaderName: '负责人', leaderPhone: '负责人电话', mentor: '导师',
  action: '操作', subjectId: '对象编号', traceId: '追踪编号', from: '起始时间', to: '截止时间',
  phone: '电话', joinedOn: '加入日期', leftOn: '离队日期', hours: '时长', correctsId: '所更正的记录',
  from: '开始日期', to: '结束日期', attendance: '参与队员',
};

/** Why a password was refused (the API's passwordRules), in Chinese. */
export const passwordRules = {
  too_short: '密码至少 8 位',
  too_long: '密码最多 128 位',
  letters_and_digits: '密码须同时包含字母和数字',
  same_as_username: '密码不能与用户名相同',
  too_common: '这是最常见的密码之一，请换一个',
  same_as_current: '新密码不能与当前密码相同',
};

export const placeOutcomes = { created: '已新增', duplicate: '已存在', invalid: '有误' };

export const accountOutcomes = { created: '已创建', failed: '未创建' };

export const fieldName = key => {
  // A row of a list: attendance[2].hours is "第3位参与队员的时长", attendance[2].memberId (who the row is) "第3位参与队员".
  const row = /^(\w+)\[(\d+)\]\.(\w+)$/.exec(key ?? '');
  if (row) return `第${Number(row[2]) + 1}位${fieldName(row[1])}${row[3].endsWith('Id') ? '' : `的${fieldName(row[3])}`}`;
  return fields[key] ?? fields[key?.charAt(0).toLowerCase() + key?.slice(1)] ?? key;
};

/** A team's service-list field as its forms and records name it (a plain 名称 or 社区 elsewhere). */
const teamFields = { name: '队伍名称', communityId: '所在社区' };
export const teamFieldName = key => teamFields[key] ?? fieldName(key);

// Titles the services give (ServiceDefaults Problems and each API), mapped to what a person should read.
const titles = {
  'Order already claimed': '已被其他队伍接单',
  'Order already yours': '本队已接此单',
  'Order not open': '该订单已不在派单大厅',
  'Capacity reached': '本队承接能力已满，请先完成手头订单',
  'Order in the wrong state': '订单状态已变化，请刷新后再试',
  'Sign-in failed': '用户名或密码不正确',
  'Too many failed sign-ins': '登录失败次数过多，请稍后再试',
  'Account disabled': '此账号已停用，请联系管理员',
  'Username taken': '该用户名已被使用',
  'Cannot disable yourself': '不能停用自己正在使用的账号',
  'District already exists': '已有同名的区/县',
  'Street already exists': '该区/县已有同名的街道/镇',
  'Community already exists': '该街道/镇已有同名的社区/村',
  'Not allowed': '您无权执行此操作',
  'Temporarily unavailable': '服务暂时不可用，请稍后再试',
  'Gateway timeout': '服务响应超时，请稍后再试',
  'Team already exists': '本区已有同名队伍，请换一个名称',
  'Team retired': '该队伍已退出，信息不再修改',
  'Team changed meanwhile': '队伍信息刚被修改过，请刷新后再试',
  'Team in the wrong status': '队伍状态已变化，请刷新后再试',
  'Change already decided': '该变更已处理过',
  'Team still serving': '该队伍仍在正常服务，它的订单不能改派',
  'Team may not take this order': '所选队伍不符合这张订单的接单条件（服务类别、技能或服务范围）',
  'Order not held': '这张订单目前没有队伍持有，无需改派',
  'Order changed meanwhile': '订单状态已变化，请刷新后再试',
  'Member already listed': '名单中已有同名同电话的队员',
  'Record already corrected': '该记录已被更正，请在最新的更正记录上修改',
};

const byStatus = {
  400: '填写的内容有误', 401: '登录已失效，请重新登录', 403: '您无权执行此操作', 404: '未找到该记录，或您无权查看',
  409: '状态已变化，请刷新后再试', 413: '文件太大', 415: '文件格式不支持', 429: '操作太频繁，请稍后再试',
  503: '服务暂时不可用，请稍后再试', 504: '服务响应超时，请稍后再试',
};

/** A problem details body (RFC 9457) as one Chinese sentence, plus the field errors in Chinese. */
export function problemMessage(status, problem) {
  if (problem?.passwordRules?.length) return `密码不符合要求：${problem.passwordRules.map(rule => passwordRules[rule] ?? rule).join('；')}`;
  if (problem?.errors?.currentPassword) return '当前密码不正确';
  if (problem?.title?.endsWith(' not found')) return byStatus[404];
  const message = titles[problem?.title] ?? byStatus[status] ?? (status >= 500 ? '系统出错，请稍后再试' : '操作未成功');
  const errors = problem?.errors ? Object.keys(problem.errors).map(key => `${fieldName(key)}填写有误`) : [];
  return errors.length ? `${message}：${errors.join('；')}` : message;
}

/** What an audit entry records (AuditActions). */
export const auditActions = {
  'contact.read': '查看居民联系方式',
  'sign_in.succeeded': '登录成功',
  'sign_in.failed': '登录失败',
  'sign_in.locked': '登录被暂时锁定',
  'account.created': '创建账号',
  'account.disabled': '停用账号',
  'account.enabled': '启用账号',
  'account.password_reset': '重置密码',
  'account.password_changed': '修改密码',
  'team.status_changed': '队伍状态变更',
  'team.service_list_changed': '服务清单变更',
  'places.changed': '区划变更',
  'order.reassigned': '订单改派',
  'order.transferred': '订单转交',
  'need.cancelled': '需求取消',
  'audit.exported': '导出审计日志',
};
