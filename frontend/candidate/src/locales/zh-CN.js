export default {
  app: { title: '广东省普通高考考生照片采集', side: '考生端', language: 'English', languageLabel: '切换语言' },
  common: {
    back: '返回', close: '关闭', ok: '知道了', cancel: '取消', retry: '重试', more: '更多',
    loading: '加载中…', logout: '退出登录', hotline: '咨询电话', faq: '常见问题', myPhoto: '我的照片',
    failed: '不通过', retake: '重新拍照', attemptsLeft: '剩余核验次数：{n} 次',
    point: '报考点：{name}', phone: '咨询电话：{phone}', call: '拨打 {phone}', noPhone: '报考点未登记电话'
  },
  login: {
    number: '考生号', numberPlaceholder: '请输入高考考生号', password: '密码', passwordPlaceholder: '请输入报名密码',
    typed: '已输入 {n} 位', agree: '我已阅读并同意', agreement: '《本次考试采集相关条例》',
    agreementTitle: '本次考试采集相关条例', mustAgree: '请阅读并同意《本次考试采集相关条例》',
    submit: '确定', forgot: '忘记密码', forgotTitle: '忘记密码', note: '参加预报名的考生才可以登录。',
    showPassword: '显示密码', hidePassword: '隐藏密码'
  },
  guide: {
    title: '拍照指南', intro: '请按以下要求拍照，照片检测不通过不消耗核验次数。',
    right: '正确', wrong: '错误',
    rule1: '不戴眼镜，双耳和额头露出；白色背景墙，着装与背景颜色不同',
    rule1a: '不戴眼镜', rule1b: '双耳露出', rule1c: '额头露出，刘海不遮挡', rule1d: '白色背景墙', rule1e: '着装与背景颜色不同',
    wGlasses: '戴眼镜', wEars: '头发遮挡耳朵', wFringe: '刘海遮挡额头', wBackground: '彩色背景', wClothes: '白衣服配白墙',
    rule2: '请他人使用手机后置摄像头拍摄', rule2ok: '他人用后置摄像头拍', rule2bad: '自拍（前置摄像头）',
    rule3: '身体距离墙壁 30～50 厘米', rule3ok: '离墙 30～50 cm', rule3bad: '贴墙站，背后有影子',
    rule4: '光线均匀，避免阴阳脸', rule4ok: '光线均匀', rule4bad: '阴阳脸',
    tips: '拍摄时正对镜头、表情自然、双眼睁开；取下帽子和耳饰；关闭美颜和滤镜。',
    start: '直接拍照', attempts: '每位考生有 {n} 次人证核验机会。',
    rareTitle: '姓名含生僻字', rareManual: '申请人工审核', rareContinue: '继续人证核验',
    requested: '已转入人工审核'
  },
  camera: {
    title: '拍照', titleKind: { PORTRAIT: '拍摄本人照片', ID_PORTRAIT: '拍摄身份证人像面', ID_EMBLEM: '拍摄身份证国徽面', HAND_HELD: '拍摄手持身份证照片' },
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
    verifyNote: '人证核验会消耗 1 次核验机会。', photoAlt: '上传的照片', region: '问题区域 {n}'
  },
  verify: {
    title: '人证核验', passed: '身份核验【通过】', failed: '身份核验【不通过】',
    confirm: '确认无误并提交', confirming: '提交中…', collected: '采集成功',
    check: '请确认照片合适后提交，提交后即完成采集。', toReview: '提交人工审核资料', seeFailed: '查看不通过照片',
    photoAlt: '核验通过的标准照片'
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
    guideTitle: '证件照拍照指南', guide1: '使用后置摄像头拍摄，横向拍摄', guide2: '证件四角完整、字迹清晰、无反光',
    kind: { PORTRAIT: '本人照片（按拍照指南）', ID_PORTRAIT: '身份证人像面', ID_EMBLEM: '身份证国徽面', HAND_HELD: '手持身份证' },
    done: '已上传', todo: '未上传', take: '拍摄', retake: '重拍',
    submit: '提交审核', submitting: '提交中…', incomplete: '请先上传全部 4 项资料',
    pending: '审核中', pendingText: '资料已提交，报考点正在审核，请耐心等待，稍后可重新登录查看结果。',
    submittedAt: '提交时间：{t}', rejected: '审核不通过', rejectedReason: '原因：{r}', resubmit: '请按原因重新拍摄相应资料后再次提交。',
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
  errors: { load: '加载失败，请重试' }
}
