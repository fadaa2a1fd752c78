export default {
  app: { title: 'Candidate Photo Collection — Console', subtitle: 'Guangdong Education Examinations Authority', allPoints: 'All registration points' },
  nav: { queue: 'Manual review', candidates: 'Candidates', dashboard: 'Progress', import: 'Roster import', export: 'Photo export', staff: 'Staff accounts', settings: 'Settings', audit: 'Audit log', logout: 'Log out' },
  role: { REVIEWER: 'Reviewer', ADMIN: 'Administrator', CANDIDATE: 'Candidate' },
  login: { hint: 'Sign in as a registration-point reviewer or an administrator', username: 'Username', password: 'Password', submit: 'Sign in', required: 'Enter username and password' },
  common: { search: 'Search', cancel: 'Cancel', confirm: 'Confirm', save: 'Save', saved: 'Saved', edit: 'Edit', back: 'Back', time: 'Time' },
  queue: {
    pageSize: 'Cases per page', perPage: '{n} per page', title: 'Manual review queue', search: 'Candidate number or name', point: 'Registration point', documentType: 'Document type', from: 'Submitted from', to: 'Submitted to',
    reason: 'Why manual', score: 'Similarity', failedChecks: 'Failed checks', submittedAt: 'Submitted', claim: 'Held by', mine: 'Me',
    empty: 'No cases match', shortcuts: 'Keys: J opens the first case; on a case J/K next/previous, A approve, R reject'
  },
  reviewStatus: { label: 'Status', PENDING: 'Pending', AWAITING_MATERIALS: 'Awaiting materials', APPROVED: 'Approved', REJECTED: 'Rejected', CANCELLED: 'Cancelled' },
  caseReason: { ATTEMPTS_EXHAUSTED: 'Attempts used up', NON_ID_DOCUMENT: 'Non-ID document', RARE_NAME: 'Rare characters', NO_REFERENCE: 'No reference photo' },
  candidate: {
    number: 'Candidate no.', name: 'Name', documentType: 'Document', documentNumber: 'Document no.', point: 'Registration point', city: 'City', state: 'State',
    attemptsUsed: 'Attempts used', rareName: 'Rare characters', reveal: 'Show full number', hide: 'Hide', notFound: 'Candidate not found'
  },
  doc: { ID_CARD: 'Resident ID card', PASSPORT: 'Passport', MILITARY_OFFICER: 'Military officer card', SOLDIER: 'Soldier card', HK_MACAO_PERMIT: 'HK/Macao permit', TAIWAN_PERMIT: 'Taiwan permit' },
  state: { NOT_STARTED: 'Not started', PHOTO_CHECKED: 'Photo checked', VERIFIED: 'Verified, to confirm', COLLECTED: 'Collected', MANUAL_REQUIRED: 'Manual review required', MANUAL_PENDING: 'In manual review', MANUAL_REJECTED: 'Manual review rejected' },
  attemptReason: {
    match: 'Match', below_threshold: 'Similarity below the threshold', probe_no_face: 'No face found in the photo', reference_no_face: 'No face found in the reference photo',
    service_error: 'Verification service error', other: 'Not matched'
  },
  verifier: { embedded: 'Built-in comparison', http: 'External service', other: 'Other' },
  auditAction: {
    review_: 'Review (all)', candidate_: 'Candidate records (all)', staff_: 'Accounts (all)', settings_: 'Settings (all)', point_: 'Registration points (all)',
    roster_: 'Roster (all)', export_: 'Export (all)',
    review_claim: 'Claimed a case', review_release: 'Released a case', review_approve: 'Approved', review_reject: 'Rejected',
    candidate_correct: 'Corrected candidate data', candidate_attempt_reset: 'Reset verification attempts', candidate_reference_photo: 'Replaced reference photo',
    candidate_reveal_document: 'Viewed full document number', photo_export: 'Exported photos', photo_export_download: 'Downloaded an export',
    point_update: 'Changed a point\'s phone', settings_update: 'Changed settings', staff_create: 'Created an account', staff_update: 'Changed an account',
    staff_login: 'Signed in', staff_logout: 'Signed out', retention_purge: 'Purged expired photos', retention_purge_start: 'Started purging expired photos',
    ROSTER_IMPORT: 'Imported a roster'
  },
  event: {
    attempt: 'Verification attempt {n}: {result}', checked: 'Photo passed the photo checks (submission {s})', confirmed: 'Candidate confirmed the photo (submission {s})',
    submitted: 'Manual-review materials submitted (case {c})', routed: 'Sent to manual review: {reason}'
  },
  check: {
    single_face: 'Face count', face_size: 'Face size', face_position: 'Face position', pose: 'Head pose', eyes_open: 'Eyes open', glasses: 'Glasses',
    forehead: 'Forehead covered', ears: 'Ears visible', background: 'Background', clothing_contrast: 'Clothing colour', illumination: 'Uneven light', exposure: 'Exposure',
    sharpness: 'Sharpness', retouching: 'Retouching'
  },
  case: {
    failedAttemptPhotos: 'Photos of the failed attempts', failedAttemptPhotosHint: 'Compare them: is it the same person each time?', attemptPhoto: 'Attempt {n} · similarity {score}', why: 'Reason',
    approveTitle: 'Approve', approveConfirm: 'Approve {name}? Their photo becomes the collected photo for the exam.', confirmApprove: 'Approve',
    notFound: 'The case does not exist or is not in your registration points', notFoundHint: 'Go back to the queue', backToQueue: 'Back to queue', prev: 'Previous', next: 'Next',
    heldBy: '{name} is working on it (until {until})', claimedByMe: 'Held by me (until {until})', portrait: 'Portrait', reference: 'Reference photo',
    idPortrait: 'ID portrait side', idEmblem: 'ID emblem side', handHeld: 'Holding the ID card',
    material: { PORTRAIT: 'Portrait', ID_PORTRAIT: 'ID portrait side', ID_EMBLEM: 'ID emblem side', DOCUMENT_PAGE: 'Document photo page', HAND_HELD: 'Holding the ID card', HAND_HELD_DOCUMENT: 'Holding the document' },
    materialsHint: 'Tick the materials the candidate must retake (marked "Retake needed" for them; the others are kept):', rejectedMaterials: 'To retake', noPhoto: 'Not submitted', photoFailed: 'Could not load the photo',
    assessment: 'Automatic checks and verification', similarity: 'Similarity', threshold: 'threshold', attemptsUsed: '{n} attempts', noAttempts: 'No verification attempts',
    allChecksPassed: 'All photo checks passed', noPortrait: 'No portrait submitted', attempts: 'Verification attempts', result: 'Result', matched: 'Match', notMatched: 'No match',
    verifier: 'Verifier', history: 'State history', candidate: 'Candidate', openRecord: 'Record', decision: 'Decision', approve: 'Approve', reject: 'Reject',
    heldHint: 'Another reviewer holds this case; you can look but not decide.', notClaimed: 'You do not hold this case.', claim: 'Claim',
    keys: 'Keys: A approve · R reject · J/K next/previous · Q back to queue', rejectionReason: 'Rejection reason', rejectTitle: 'Rejection reason (the candidate sees it)',
    templatesHint: 'Click a common reason to insert it (Alt+number), then add details; Ctrl+Enter submits.', reasonPlaceholder: 'Say why and what the candidate should resubmit',
    confirmReject: 'Reject', approved: 'Approved: the photo is collected', rejected: 'Rejected: the candidate will see the reason',
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
    correct: 'Correct name / document no.', reset: 'Reset attempts', replaceReference: 'Replace reference photo', attempts: 'Attempts', submissions: 'Submitted photos',
    decisions: 'Review decisions', decidedBy: 'Reviewer', newDocumentNumber: 'New document number', unchanged: 'Leave empty to keep', reason: 'Reason (required)'
  },
  dash: {
    refreshed: 'Refreshes every 15 s · last {time}', total: 'Candidates', pendingReviews: 'Pending reviews', rate: 'Collected (%)', byState: 'By state',
    overTime: 'Last 30 days', byCity: 'By city', byPoint: 'By registration point', collectedPerDay: 'Collected per day', manualPerDay: 'Manual submissions per day',
    last30: 'Last 30 days: {collected} collected, {manual} manual-review submissions'
  },
  import: {
    hint: 'Upload the pre-registration roster (CSV or Excel .xlsx), optionally with a ZIP of reference photos: by the file name in the roster\'s reference-photo column when there is one, otherwise by the file name "<candidate number>.jpg" or ".png". Rows are validated one by one; re-importing is idempotent. The outcome counts photos attached, missing and unreadable (details in the error report).',
    photoCounts: 'Photos', attached: '{n} attached', missing: '{n} missing', unreadable: '{n} unreadable',
    roster: 'Roster file', photos: 'Photo ZIP (optional)', start: 'Import', uploading: 'Uploading…', report: 'Download error report', recent: 'Recent imports',
    rows: 'Rows done / total', summary: 'Outcome'
  },
  job: { status: 'Status', QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Done', FAILED: 'Failed' },
  export: {
    hint: 'Exports the collected standard photos as one ZIP per registration point (files named by candidate number, with a manifest).', all: 'Whole province', start: 'Export',
    file: 'File', files: 'Files', candidates: 'Candidates', size: 'Size', download: 'Download', recent: 'Recent exports'
  },
  staff: { new: 'New account', displayName: 'Name', role: 'Role', points: 'Registration points', enabled: 'Enabled', newPassword: 'New password' },
  settings: { general: 'Parameters and texts', phones: 'Point phone numbers', name: 'Setting', value: 'Value', default: 'Default', phone: 'Phone' },
  audit: { actor: 'Actor', action: 'Action', detail: 'Detail', candidateId: 'Candidate ID', more: 'Load more' }
}
