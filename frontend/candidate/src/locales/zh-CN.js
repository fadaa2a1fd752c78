export default {
  app: { title: '广东省普通高考考生照片采集', side: '考生端', language: 'English', languageLabel: '切换语言' },
  common: {
    pointPhones: '各报考点咨询电话',
    back: '返回', close: '关闭', ok: '知道了', cancel: '取消', retry: '重试', more: '更多',
    loading: '加载中…', logout: '退出登录', hotline: '咨询电话', faq: '常见问题', myPhoto: '我的照片',
    failed: '不通过', retake: '重新拍照', attemptsLeft: '剩余核验次数：{n} 次',
    point: '报考点：{name}', phone: '咨询电话：{phone}', call: '拨打 {phone}', noPhone: '报考点未登记电话'
  },
  login: {
    agreeHint: '需先勾选同意《本次考试采集相关条例》，“确定”才可点击。',
    number: '考生号', numberPlaceholder: '请输入高考考生号', password: '密码', passwordPlaceholder: '请输入报名密码',
    typed: '已输入 {n} 位', agree: '我已阅读并同意', agreement: '《本次考试采集相关条例》',
    agreementTitle: '本次考试采集相关条例', mustAgree: '请阅读并同意《本次考试采集相关条例》',
    submit: '确定', forgot: '忘记密码', forgotTitle: '忘记密码', note: '参加预报名的考生才可以登录。',
    showPassword: '显示密码', hidePassword: '隐藏密码'
  },
  guide: {
    title: '拍照指南', intro: '请按以下要求拍照，照片检测不通过不消耗核验次数。',
    right: '正确', wrong: '错误', checks: '系统检测：{what}',
    ears: { title: '露出双耳', ok: '头发拨到耳后，双耳完整露出', bad: '头发遮挡耳朵', what: '两侧耳朵是否露出' },
    forehead: { title: '露出额头和眉毛', ok: '头发梳起，额头和眉毛露出', bad: '刘海遮挡额头和眉毛', what: '额头是否被头发遮挡' },
    glasses: { title: '不戴眼镜', ok: '摘下眼镜，双眼清晰', bad: '戴眼镜：镜框遮挡、镜片反光', what: '眼睛周围是否有镜框或反光' },
    wall: { title: '白色纯色背景墙', ok: '白色墙面，背后没有杂物', bad: '门框、书架等杂物', bad2: '彩色墙面', what: '背景是否为浅色纯色、无杂物' },
    clothing: { title: '着装颜色与背景不同', ok: '深色衣服配白墙', bad: '白衣服配白墙，肩膀与背景分不清', what: '衣服与背景颜色是否有明显差别' },
    light: { title: '光线均匀，避免阴阳脸', ok: '面部两侧明暗一致', bad: '阴阳脸：一侧脸在阴影中', bad2: '强光直射，脸部过亮', what: '面部左右明暗和整体亮度' },
    distance: { title: '头部和双肩占满取景框', ok: '头部和双肩在框内，大小合适', bad: '离得太远，人像太小', bad2: '离得太近，头部不完整', what: '人像大小（眉毛到下巴约占照片高度的 1/5～1/2）和位置' },
    rule2: '请他人使用手机后置摄像头拍摄', rule2ok: '他人用后置摄像头拍', rule2bad: '自拍（前置摄像头）',
    rule3: '身体距离墙壁 30～50 厘米', rule3ok: '离墙 30～50 cm', rule3bad: '贴墙站，背后有影子',
    tips: '拍摄时正对镜头、表情自然、双眼睁开；取下帽子和耳饰；关闭美颜和滤镜。',
    start: '直接拍照', attempts: '每位考生有 {n} 次人证核验机会。',
    rareTitle: '姓名含生僻字', rareManual: '申请人工审核', rareContinue: '继续人证核验',
    requested: '已转入人工审核'
  },
  camera: {
    title: '拍照',
    titleKind: {
      PORTRAIT: '拍摄本人照片', ID_PORTRAIT: '拍摄身份证人像面', ID_EMBLEM: '拍摄身份证国徽面', HAND_HELD: '拍摄手持身份证照片',
      DOCUMENT_PAGE: '拍摄证件照片页', HAND_HELD_DOCUMENT: '拍摄手持证件照片'
    },
    starting: '正在打开摄像头…', frame: '请让头部和双肩对准轮廓', frameId: '请将手机横过来，让证件占满画面',
    shutter: '拍照', retake: '重拍', use: '使用这张照片', upload: '上传中 {p}%', checking: '正在检测照片…',
    pick: '拍照或选择照片', pickAlbum: '从相册选择照片',
    fallback: {
      noApi: '当前浏览器不支持网页调用摄像头，请点击下方按钮用系统相机拍照。',
      notSecure: '当前页面不是安全连接（HTTPS），浏览器不允许网页调用摄像头，请点击下方按钮用系统相机拍照。',
      denied: '摄像头权限被拒绝。可在浏览器设置中允许使用摄像头后重试，或点击下方按钮用系统相机拍照。',
      noCamera: '未找到可用的摄像头，请点击下方按钮用系统相机拍照或选择照片。',
      failed: '摄像头无法打开（可能被其他应用占用），请点击下方按钮用系统相机拍照。'
    },
    notLandscape: '请将手机横过来拍摄（横向照片）',
    previewAlt: '拍好的照片', videoLabel: '摄像头画面',
    badFile: '无法读取这张图片，请重新拍照'
  },
  guidance: {
    loading: '正在加载拍照引导…',
    helper: '拍摄者：请用后置摄像头，考生离墙 30–50 厘米，手机与考生眼睛同高',
    auto: '自动拍照',
    countdown: '很好，请保持不动，即将自动拍照',
    hint: {
      noFace: '未检测到人脸，请让考生正对镜头',
      manyFaces: '画面中有多张人脸，只能有考生本人',
      closer: '人像太小，请靠近一些',
      farther: '人像太大，请退后一些',
      offLeft: '人像偏左，请移到轮廓中央',
      offRight: '人像偏右，请移到轮廓中央',
      tooHigh: '人像太靠上，头顶要留在框内',
      tooLow: '人像太靠下，双肩要拍进框内',
      turn: '请正对镜头，不要侧脸',
      tiltHead: '请把头摆正，双眼保持水平',
      chinLevel: '请平视镜头，下巴放平',
      eyes: '请自然睁开双眼',
      dark: '光线太暗，请到光线充足处',
      bright: '光线过亮，请避开强光直射',
      backlit: '逆光，请面向光源、背对窗户',
      uneven: '脸部一侧偏暗（阴阳脸），请面向光源',
      steady: '请保持不动',
      ok: '很好，可以拍照'
    }
  },
  check: {
    title: '照片检测', passed: '照片检测通过', failed: '照片检测未通过', noAttempt: '照片检测不消耗核验次数。',
    what: '怎么做：', warnings: '提示', verify: '进行人证核验', verifying: '正在核验…',
    verifyNote: '核验通过不消耗次数；核验不通过消耗 1 次核验机会。', photoAlt: '上传的照片', region: '问题区域 {n}',
    keptTitle: '已通过核验的照片（仍保留）', keptAlt: '已通过核验的照片',
    keptText: '新照片核验通过前，系统保留这张已通过核验的照片，您也可以直接提交它。', useKept: '使用已通过核验的照片'
  },
  verify: {
    title: '人证核验', passed: '身份核验【通过】', failed: '身份核验【不通过】',
    confirm: '确认无误并提交', confirming: '提交中…', collected: '采集成功',
    check: '请确认照片合适后提交，提交后即完成采集。', toReview: '提交人工审核资料', seeFailed: '查看不通过照片',
    photoAlt: '核验通过的标准照片', passFree: '核验通过不消耗核验次数。',
    retakeNote: '重新拍照不消耗次数；新照片核验通过前，保留这张已通过的照片。',
    keptTitle: '已通过核验的照片（仍保留）', keptText: '新照片未通过核验，您仍可提交之前已通过核验的这张照片。'
  },
  result: {
    title: '我的照片', collected: '采集成功', tap: '点击照片可放大查看，双指缩放，单击任意位置退出。',
    name: '姓名', number: '考生号', document: '证件', photoAlt: '我的采集照片', original: '原始照片'
  },
  attempts: {
    title: '不通过', none: '没有不通过的记录', attempt: '第 {n} 次核验', swipe: '左右滑动查看',
    reason: { below_threshold: '照片与身份证照片不一致（非考生本人）', probe_no_face: '照片中未检测到人脸', other: '人证核验未通过' },
    causes: '可能原因：遮挡面部特征（刘海、头发遮挡）或佩戴眼镜；非考生本人；化妆、相机美颜、整容；光线不均匀或局部曝光。',
    photoAlt: '第 {n} 次核验的照片'
  },
  review: {
    title: '人工审核', intro: '请按要求拍摄以下资料，提交至报考点人工审核。',
    reason: {
      ATTEMPTS_EXHAUSTED: '人证核验 {n} 次未通过，请提交人工审核资料。',
      NON_ID_DOCUMENT: '您的证件（{doc}）不是居民身份证，系统无法进行人证核验，请确认姓名、证件号无误后提交人工审核资料。',
      NO_REFERENCE: '系统中没有可用于核验的身份证照片，请提交人工审核资料。',
      RARE_NAME: '您的姓名含生僻字，已选择人工审核，请提交人工审核资料。'
    },
    guideTitle: '身份证拍照指南', guideTitleDocument: '证件拍照指南',
    guide1: '使用后置摄像头拍摄，横向拍摄', guide2: '证件四角完整、字迹清晰、无反光',
    guide2Document: '证件照片页（印有照片、姓名和证件号码的一页）完整、字迹清晰、无反光',
    guide3: '手持身份证：人像面朝向镜头，放在下巴旁，面部和证件都清晰', guide3Document: '手持证件照片：打开证件照片页朝向镜头，放在下巴旁，面部和证件都清晰',
    kind: {
      PORTRAIT: '本人照片（按拍照指南）', ID_PORTRAIT: '身份证人像面', ID_EMBLEM: '身份证国徽面', HAND_HELD: '手持身份证',
      DOCUMENT_PAGE: '证件照片页', HAND_HELD_DOCUMENT: '手持证件照片'
    },
    status: { MISSING: '未上传', PRESENT: '已上传', REJECTED: '需重拍', REPLACED: '已重拍' },
    take: '拍摄', retake: '重拍',
    submit: '提交审核', submitting: '提交中…', incomplete: '请先上传全部 {n} 项资料', stillMissing: '还需上传：{list}',
    retakeMarked: '请重拍标记为“需重拍”的资料：{list}', retakeOne: '请按驳回原因至少重拍一项资料后再提交',
    identityTitle: '请核对您的信息', documentType: '证件类型', documentNumber: '证件号码',
    identityWrong: '姓名或证件号码有误时，请联系报考点更正后再提交。',
    adviceTitle: '建议（不影响提交，照片更清楚可加快审核）：', askPoint: '如有疑问请拨打报考点电话：',
    pending: '审核中', pendingText: '资料已提交，报考点正在审核，请耐心等待，稍后可重新登录查看结果。',
    submittedAt: '提交时间：{t}', rejected: '审核不通过', rejectedReason: '原因：{r}', resubmit: '请按原因重新拍摄相应资料后再次提交。',
    resubmitMarked: '请重拍下方标记为“需重拍”的资料后再次提交，其余资料无需重拍。',
    approved: '审核通过', refresh: '刷新审核结果', previewAlt: '{kind}预览', sent: '已提交的资料'
  },
  faq: {
    title: '常见问题',
    items: [
      { q: '如何进入照片采集？', a: '用手机浏览器或微信打开报考点公布的采集网址，输入高考考生号和密码登录。无需安装应用。' },
      { q: '无法打开页面、无法拍照怎么办？', a: '请使用较新版本的微信或手机浏览器（Android 的 Chrome、华为/小米等系统浏览器，iPhone 的 Safari，iOS 14.3 及以上）。如提示无法调用摄像头，请允许浏览器或微信使用相机；仍不行时，点击“拍照或选择照片”用系统相机拍摄后上传。' },
      { q: '没有考生号或报考密码？', a: '只有参加预报名的考生才可以登录。忘记密码请通过广东省高考报名系统的“忘记密码”功能找回，或联系所在报考点。' },
      { q: '姓名或身份证号错误？', a: '请联系当地报考点或招生考试办公室的工作人员进行修改。' },
      { q: '姓名含有生僻字？', a: '人证核验要求姓名和身份证号与身份证完全一致，姓名含生僻字很可能核验不通过。这种情况可以直接申请人工审核。' },
      { q: '证件不是身份证？', a: '证件为军官证、士兵证、护照等时，系统无法进行人证核验。请在确认姓名、证件号及照片无误后提交人工审核资料。' },
      { q: '人证核验不通过？', a: '每位考生有 3 次人证核验机会。可能原因：刘海或头发遮挡、佩戴眼镜、非考生本人、化妆或美颜、光线不均匀。3 次不通过后可提交人工审核资料。' }
    ]
  },
  doc: { ID_CARD: '居民身份证', PASSPORT: '护照', MILITARY_OFFICER: '军官证', SOLDIER: '士兵证', HK_MACAO_PERMIT: '港澳居民来往内地通行证', TAIWAN_PERMIT: '台湾居民来往大陆通行证' },
  next: {
    title: '接下来会怎样', days: '报考点一般在 {n} 个工作日内完成审核。',
    outcome: '审核通过即采集成功，无需再做其他操作；如不通过，本页会写明原因，按原因重新拍摄相应资料后再次提交即可。',
    check: '审核期间可随时重新登录，在本页查看结果。', call: '有疑问请致电 {name}：', noPhone: '有疑问请联系 {name}。'
  },
  errors: { load: '加载失败，请重试' }
}
