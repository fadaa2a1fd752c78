export default {
  app: { title: '考生照片采集 管理后台', subtitle: '广东省教育考试院', allPoints: '全部报考点' },
  nav: { queue: '人工审核', candidates: '考生档案', dashboard: '采集进度', import: '名单导入', export: '照片导出', staff: '账号管理', settings: '系统设置', audit: '审计日志', logout: '退出' },
  role: { REVIEWER: '报考点审核员', ADMIN: '考试院管理员', CANDIDATE: '考生' },
  login: { hint: '报考点审核员、考试院管理员登录', username: '用户名', password: '密码', submit: '登录', required: '请输入用户名和密码' },
  common: { search: '查询', cancel: '取消', confirm: '确定', save: '保存', saved: '已保存', edit: '编辑', back: '返回', time: '时间' },
  queue: {
    pageSize: '每页条数', perPage: '{n} 条/页', title: '人工审核队列', search: '考生号或姓名', point: '报考点', documentType: '证件类型', from: '提交日期起', to: '提交日期止',
    reason: '转人工原因', score: '相似度', failedChecks: '未通过检测', submittedAt: '提交时间', claim: '处理人', mine: '我正在处理',
    empty: '没有符合条件的审核案件', shortcuts: '快捷键：J 打开第一条；审核页 J/K 下一条/上一条，A 通过，R 驳回'
  },
  reviewStatus: { label: '状态', PENDING: '待审核', AWAITING_MATERIALS: '待提交资料', APPROVED: '已通过', REJECTED: '已驳回', CANCELLED: '已取消' },
  caseReason: { ATTEMPTS_EXHAUSTED: '核验次数用尽', NON_ID_DOCUMENT: '非身份证件', RARE_NAME: '生僻字姓名', NO_REFERENCE: '无参考照片' },
  candidate: {
    number: '考生号', name: '姓名', documentType: '证件类型', documentNumber: '证件号码', point: '报考点', city: '地市', state: '采集状态',
    attemptsUsed: '已用核验次数', rareName: '生僻字', reveal: '显示完整号码', hide: '隐藏', notFound: '未找到该考生'
  },
  doc: { ID_CARD: '居民身份证', PASSPORT: '护照', MILITARY_OFFICER: '军官证', SOLDIER: '士兵证', HK_MACAO_PERMIT: '港澳居民来往内地通行证', TAIWAN_PERMIT: '台湾居民来往大陆通行证' },
  state: { NOT_STARTED: '未开始', PHOTO_CHECKED: '照片已检测', VERIFIED: '核验通过待确认', COLLECTED: '采集成功', MANUAL_REQUIRED: '需人工审核', MANUAL_PENDING: '人工审核中', MANUAL_REJECTED: '人工审核驳回' },
  attemptReason: {
    match: '一致', below_threshold: '相似度低于阈值', probe_no_face: '采集照片中未检测到人脸', reference_no_face: '参考照片中未检测到人脸',
    service_error: '核验服务出错', other: '核验未通过'
  },
  verifier: { embedded: '本地比对', http: '外部核验服务', other: '其他' },
  auditAction: {
    review_: '审核（全部）', candidate_: '考生档案（全部）', staff_: '账号（全部）', settings_: '设置（全部）', point_: '报考点（全部）',
    roster_: '名单（全部）', export_: '导出（全部）',
    review_claim: '领取审核案件', review_release: '释放审核案件', review_approve: '审核通过', review_reject: '审核驳回',
    candidate_correct: '更正考生信息', candidate_attempt_reset: '重置核验次数', candidate_reference_photo: '更换参考照片',
    candidate_reveal_document: '查看完整证件号', photo_export: '导出照片', photo_export_download: '下载导出文件',
    point_update: '修改报考点电话', settings_update: '修改系统设置', staff_create: '新建账号', staff_update: '修改账号',
    staff_login: '登录', staff_logout: '退出登录', retention_purge: '清除过期照片', retention_purge_start: '开始清除过期照片',
    ROSTER_IMPORT: '导入名单'
  },
  event: {
    attempt: '第 {n} 次人证核验：{result}', checked: '照片通过照片检测（提交 {s}）', confirmed: '考生确认提交照片（提交 {s}）',
    submitted: '提交人工审核资料（案件 {c}）', routed: '转人工审核：{reason}'
  },
  check: {
    single_face: '人脸数量', face_size: '人脸大小', face_position: '人脸位置', pose: '头部姿态', eyes_open: '睁眼', glasses: '眼镜',
    forehead: '额头遮挡', ears: '双耳露出', background: '背景', clothing_contrast: '着装颜色', illumination: '阴阳脸', exposure: '曝光',
    sharpness: '清晰度', retouching: '美颜修图'
  },
  case: {
    failedAttemptPhotos: '未通过核验的照片', failedAttemptPhotosHint: '逐一比较：是否为同一人', attemptPhoto: '第 {n} 次 · 相似度 {score}', why: '原因',
    approveTitle: '确认通过', approveConfirm: '确认通过 {name} 的审核？通过后其照片即为本次考试的采集照片。', confirmApprove: '确认通过',
    notFound: '审核案件不存在或不属于您的报考点', notFoundHint: '请返回审核队列', backToQueue: '返回队列', prev: '上一条', next: '下一条',
    heldBy: '{name} 正在处理（至 {until}）', claimedByMe: '已由我领取（至 {until}）', portrait: '采集照片', reference: '参考照片',
    idPortrait: '身份证人像面', idEmblem: '身份证国徽面', handHeld: '手持身份证',
    material: { PORTRAIT: '采集照片', ID_PORTRAIT: '身份证人像面', ID_EMBLEM: '身份证国徽面', DOCUMENT_PAGE: '证件照片页', HAND_HELD: '手持身份证', HAND_HELD_DOCUMENT: '手持证件照片' },
    materialsHint: '勾选需要考生重新拍摄的资料（考生端将标记为“需重拍”，其余资料保留）：', rejectedMaterials: '需重拍的资料', noPhoto: '未提交', photoFailed: '照片加载失败',
    assessment: '自动检测与核验', similarity: '相似度', threshold: '阈值', attemptsUsed: '已核验 {n} 次', noAttempts: '无核验记录',
    allChecksPassed: '照片检测全部通过', noPortrait: '未提交采集照片', attempts: '人证核验记录', result: '结果', matched: '通过', notMatched: '不通过',
    verifier: '核验方式', history: '状态记录', candidate: '考生信息', openRecord: '考生档案', decision: '审核决定', approve: '通过', reject: '驳回',
    heldHint: '该案件正由其他审核员处理，您可以查看但不能决定。', notClaimed: '您尚未领取该案件。', claim: '领取',
    keys: '快捷键：A 通过 · R 驳回 · J/K 下一条/上一条 · Q 返回队列', rejectionReason: '驳回原因', rejectTitle: '驳回原因（考生可见）',
    templatesHint: '点击常用原因插入（Alt+数字），可再补充说明；Ctrl+Enter 提交。', reasonPlaceholder: '请写明原因及考生需要怎样重新提交',
    confirmReject: '确认驳回', approved: '已通过，考生采集成功', rejected: '已驳回，考生将看到驳回原因',
    templates: [
      '采集照片不符合拍照要求，请按拍照指南在白色背景前重新拍摄',
      '身份证人像面照片不清晰，请重新拍摄',
      '身份证国徽面照片不清晰，请重新拍摄',
      '手持身份证照片中证件或面部不清晰，请重新拍摄',
      '照片与证件不是同一人',
      '证件信息与报名信息不一致，请联系报考点更正'
    ]
  },
  record: {
    correct: '更正姓名/证件号', reset: '重置核验次数', replaceReference: '更换参考照片', attempts: '核验记录', submissions: '提交的照片',
    decisions: '审核记录', decidedBy: '审核人', newDocumentNumber: '新证件号码', unchanged: '不修改请留空', reason: '原因（必填）'
  },
  dash: {
    refreshed: '每 15 秒自动刷新 · 最近刷新 {time}', total: '考生总数', pendingReviews: '待人工审核', rate: '采集率 (%)', byState: '按状态',
    overTime: '近 30 天采集情况', byCity: '按地市', byPoint: '按报考点', collectedPerDay: '每日采集成功', manualPerDay: '每日提交人工审核',
    last30: '近 30 天：采集成功 {collected} 人，提交人工审核 {manual} 次'
  },
  import: {
    hint: '上传预报名名单（CSV 或 Excel .xlsx），可同时上传参考照片 ZIP：名单中有参考照片列时按该列的文件名匹配，否则按文件名“考生号.jpg”或“考生号.png”匹配。逐行校验，重复导入不会产生重复考生；结果中列出已附、缺少和无法读取的照片数（明细见错误报告）。',
    photoCounts: '照片', attached: '已附 {n}', missing: '缺少 {n}', unreadable: '无法读取 {n}',
    roster: '名单文件', photos: '照片 ZIP（可选）', start: '开始导入', uploading: '正在上传…', report: '下载错误报告', recent: '最近导入',
    rows: '已处理/总行数', summary: '结果'
  },
  job: { status: '状态', QUEUED: '排队中', RUNNING: '进行中', SUCCEEDED: '已完成', FAILED: '失败' },
  export: {
    hint: '导出采集成功的标准照片，按报考点打包为 ZIP（文件名为考生号，附清单）。', all: '全省所有报考点', start: '开始导出',
    file: '文件', files: '文件数', candidates: '考生数', size: '大小', download: '下载', recent: '最近导出'
  },
  staff: { new: '新建账号', displayName: '姓名', role: '角色', points: '报考点', enabled: '启用', newPassword: '新密码' },
  settings: { general: '参数与文本', phones: '报考点咨询电话', name: '设置项', value: '值', default: '默认值', phone: '咨询电话' },
  audit: { actor: '操作人', action: '操作', detail: '详情', candidateId: '考生 ID', more: '加载更多' }
}
