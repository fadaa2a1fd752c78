export default {
  app: { title: 'Guangdong Gaokao Candidate Photo Collection', side: 'Candidates', language: '中文', languageLabel: 'Switch language' },
  common: {
    pointPhones: 'Registration points\' phone numbers',
    back: 'Back', close: 'Close', ok: 'OK', cancel: 'Cancel', retry: 'Retry', more: 'More',
    loading: 'Loading…', logout: 'Log out', hotline: 'Help line', faq: 'FAQ', myPhoto: 'My photo',
    failed: 'Failed attempts', retake: 'Take a new photo', attemptsLeft: 'Verification attempts left: {n}',
    point: 'Registration point: {name}', phone: 'Phone: {phone}', call: 'Call {phone}', noPhone: 'No phone number on record'
  },
  login: {
    agreeHint: 'Tick the box to accept the regulations first; only then can you log in.',
    number: 'Candidate number', numberPlaceholder: 'Your gaokao candidate number', password: 'Password', passwordPlaceholder: 'Your registration password',
    typed: '{n} digits typed', agree: 'I have read and accept ', agreement: 'the collection regulations',
    agreementTitle: 'Collection regulations', mustAgree: 'Please read and accept the collection regulations',
    submit: 'Log in', forgot: 'Forgot password', forgotTitle: 'Forgot password', note: 'Only pre-registered candidates can log in.',
    showPassword: 'Show password', hidePassword: 'Hide password'
  },
  guide: {
    title: 'Photo guide', intro: 'Take the photo as shown. A photo that fails the checks costs no verification attempt.',
    right: 'Right', wrong: 'Wrong', checks: 'Checked: {what}',
    ears: { title: 'Both ears visible', ok: 'Hair behind the ears, both ears show', bad: 'Hair over the ears', what: 'whether both ears show' },
    forehead: { title: 'Forehead and eyebrows visible', ok: 'Hair back, forehead and eyebrows show', bad: 'Fringe over forehead and eyebrows', what: 'whether hair covers the forehead' },
    glasses: { title: 'No glasses', ok: 'Glasses off, eyes clearly visible', bad: 'Glasses: frames and glare over the eyes', what: 'frames or glare around the eyes' },
    wall: { title: 'Plain white wall', ok: 'White wall, nothing behind you', bad: 'Door frames, shelves behind you', bad2: 'A coloured wall', what: 'a light, plain background without objects' },
    clothing: { title: 'Clothes unlike the wall', ok: 'Dark clothes against a white wall', bad: 'White on white: shoulders vanish into the wall', what: 'a clear colour difference between clothes and wall' },
    light: { title: 'Even light, no half-shadowed face', ok: 'Both sides of the face equally lit', bad: 'Half-shadowed face', bad2: 'Harsh light, face too bright', what: 'light on the left and right of the face, and brightness' },
    distance: { title: 'Head and shoulders fill the frame', ok: 'Head and shoulders in the frame, the right size', bad: 'Too far: the face is too small', bad2: 'Too close: the head is cut off', what: 'face size (eyebrows to chin about 1/5 to 1/2 of the photo height) and position' },
    rule2: 'Have someone else take it with the rear camera', rule2ok: 'Someone else, rear camera', rule2bad: 'Selfie (front camera)',
    rule3: 'Stand 30–50 cm from the wall', rule3ok: '30–50 cm from the wall', rule3bad: 'Against the wall, shadow behind',
    tips: 'Face the camera, natural expression, eyes open; no hat or earrings; turn off beauty filters.',
    start: 'Take the photo', attempts: 'Each candidate has {n} verification attempts.',
    rareTitle: 'Rare characters in your name', rareManual: 'Request manual review', rareContinue: 'Continue with verification',
    requested: 'Sent to manual review'
  },
  camera: {
    title: 'Camera',
    titleKind: {
      PORTRAIT: 'Your portrait', ID_PORTRAIT: 'ID card: portrait side', ID_EMBLEM: 'ID card: emblem side', HAND_HELD: 'Holding your ID card',
      DOCUMENT_PAGE: 'Document: photo page', HAND_HELD_DOCUMENT: 'Holding your document'
    },
    starting: 'Opening the camera…', frame: 'Fit head and shoulders into the outline', frameId: 'Hold the phone sideways; fill the frame with the card',
    shutter: 'Take photo', retake: 'Retake', use: 'Use this photo', upload: 'Uploading {p}%', checking: 'Checking the photo…',
    pick: 'Take or choose a photo', pickAlbum: 'Choose from album',
    fallback: {
      noApi: 'This browser cannot use the camera from a web page. Use the button below to take the photo with the camera app.',
      notSecure: 'This page is not on a secure (HTTPS) connection, so the browser blocks the camera. Use the button below instead.',
      denied: 'Camera permission was denied. Allow the camera in the browser settings and retry, or use the button below.',
      noCamera: 'No camera was found. Use the button below to take or choose a photo.',
      failed: 'The camera could not be opened (another app may be using it). Use the button below instead.'
    },
    notLandscape: 'Please turn the phone sideways (landscape photo)',
    previewAlt: 'The photo taken', videoLabel: 'Camera view',
    badFile: 'This image cannot be read; please take a new photo'
  },
  guidance: {
    loading: 'Loading the live guide…',
    helper: 'Photographer: use the rear camera; the candidate stands 30–50 cm from the wall; hold the phone at eye level',
    auto: 'Take the photo automatically',
    countdown: 'Good: hold still, the photo is taken automatically',
    hint: {
      noFace: 'No face found: the candidate should face the camera',
      manyFaces: 'More than one face: only the candidate may be in the picture',
      closer: 'The face is too small: come closer',
      farther: 'The face is too large: step back',
      offLeft: 'The face is too far left: move it into the middle of the outline',
      offRight: 'The face is too far right: move it into the middle of the outline',
      tooHigh: 'The face is too high: keep the top of the head inside the frame',
      tooLow: 'The face is too low: get the shoulders into the frame',
      turn: 'Face the camera straight on, not turned to the side',
      tiltHead: 'Hold the head upright, eyes level',
      chinLevel: 'Look straight ahead with the chin level',
      eyes: 'Open your eyes naturally',
      dark: 'Too dark: move to better light',
      bright: 'Too bright: avoid direct strong light',
      backlit: 'Backlit: face the light, back to the window',
      uneven: 'One side of the face is darker (half-shadowed): face the light',
      steady: 'Hold still',
      ok: 'Good: ready to take the photo'
    }
  },
  check: {
    title: 'Photo check', passed: 'The photo passed the checks', failed: 'The photo did not pass the checks', noAttempt: 'Photo checks cost no verification attempt.',
    what: 'What to do: ', warnings: 'Notes', verify: 'Verify my identity', verifying: 'Verifying…',
    verifyNote: 'A pass costs no attempt; a failed verification uses 1 attempt.', photoAlt: 'The uploaded photo', region: 'Problem area {n}',
    keptTitle: 'Your verified photo (kept)', keptAlt: 'The verified photo',
    keptText: 'Until a new photo passes verification, the verified one is kept; you can still submit it.', useKept: 'Use the verified photo'
  },
  verify: {
    title: 'Identity verification', passed: 'Verification passed', failed: 'Verification failed',
    confirm: 'Confirm and submit', confirming: 'Submitting…', collected: 'Photo collected',
    check: 'Check the photo; submitting it completes the collection.', toReview: 'Send manual-review materials', seeFailed: 'See failed photos',
    photoAlt: 'The verified standard photo', passFree: 'A pass costs no attempt.',
    retakeNote: 'A retake is free; the verified photo is kept until a new one passes.',
    keptTitle: 'Your verified photo (kept)', keptText: 'The new photo did not pass; you can still submit the photo verified before.'
  },
  result: {
    title: 'My photo', collected: 'Photo collected', tap: 'Tap the photo to enlarge, pinch to zoom, tap anywhere to close.',
    name: 'Name', number: 'Candidate number', document: 'Document', photoAlt: 'My collected photo', original: 'Original photo'
  },
  attempts: {
    title: 'Failed attempts', none: 'No failed attempts', attempt: 'Attempt {n}', swipe: 'Swipe left or right',
    reason: { below_threshold: 'The photo does not match your ID photo (not the candidate)', probe_no_face: 'No face found in the photo', other: 'Verification failed' },
    causes: 'Possible causes: face features covered (fringe, hair) or glasses; not the candidate; make-up, beauty filters, cosmetic surgery; uneven light or local over-exposure.',
    photoAlt: 'Photo of attempt {n}'
  },
  review: {
    title: 'Manual review', intro: 'Take the following photos; your registration point reviews them.',
    reason: {
      ATTEMPTS_EXHAUSTED: 'Verification failed {n} times; please send manual-review materials.',
      NON_ID_DOCUMENT: 'Your document ({doc}) is not a resident ID card, so automatic verification is impossible. Check your name and document number, then send manual-review materials.',
      NO_REFERENCE: 'There is no ID photo to verify against; please send manual-review materials.',
      RARE_NAME: 'Your name has rare characters and you chose manual review; please send the materials.'
    },
    guideTitle: 'How to photograph the ID card', guideTitleDocument: 'How to photograph your document',
    guide1: 'Rear camera, phone held sideways (landscape)', guide2: 'All four corners visible, text sharp, no glare',
    guide2Document: 'The photo page (with your photo, name and document number) complete, text sharp, no glare',
    guide3: 'Holding the ID card: portrait side to the camera, next to your chin; face and card both sharp',
    guide3Document: 'Holding the document: photo page open towards the camera, next to your chin; face and page both sharp',
    kind: {
      PORTRAIT: 'Your portrait (as in the photo guide)', ID_PORTRAIT: 'ID card portrait side', ID_EMBLEM: 'ID card emblem side', HAND_HELD: 'Holding your ID card',
      DOCUMENT_PAGE: 'Document photo page', HAND_HELD_DOCUMENT: 'Holding your document'
    },
    status: { MISSING: 'Missing', PRESENT: 'Uploaded', REJECTED: 'Retake needed', REPLACED: 'Retaken' },
    take: 'Take', retake: 'Retake',
    submit: 'Submit for review', submitting: 'Submitting…', incomplete: 'Upload all {n} items first', stillMissing: 'Still missing: {list}',
    retakeMarked: 'Retake the items marked "Retake needed": {list}', retakeOne: 'Retake at least one item as the reason says, then submit',
    identityTitle: 'Check your details', documentType: 'Document type', documentNumber: 'Document number',
    identityWrong: 'If your name or document number is wrong, ask your registration point to correct it before you submit.',
    adviceTitle: 'Advice (does not block submitting; a clearer photo speeds up the review):', askPoint: 'Questions? Call your registration point: ',
    pending: 'Under review', pendingText: 'Your materials were sent; the registration point is reviewing them. Log in again later to see the result.',
    submittedAt: 'Submitted: {t}', rejected: 'Review rejected', rejectedReason: 'Reason: {r}', resubmit: 'Retake the items concerned and submit again.',
    resubmitMarked: 'Retake the items marked "Retake needed" below and submit again; the others need no retake.',
    approved: 'Approved', refresh: 'Refresh', previewAlt: 'Preview: {kind}', sent: 'Materials sent'
  },
  faq: {
    title: 'FAQ',
    items: [
      { q: 'How do I start?', a: 'Open the collection address published by your registration point in a phone browser or in WeChat, and log in with your candidate number and password. Nothing to install.' },
      { q: 'The page or the camera does not work?', a: 'Use a recent WeChat or phone browser (Chrome or the system browser on Android, Safari on iPhone with iOS 14.3 or later). Allow camera access when asked; otherwise tap "Take or choose a photo" to use the camera app.' },
      { q: 'No candidate number or password?', a: 'Only pre-registered candidates can log in. Recover a forgotten password with the "forgot password" function of the registration system, or ask your registration point.' },
      { q: 'Name or ID number wrong?', a: 'Ask your registration point or the local admissions office to correct it.' },
      { q: 'Rare characters in the name?', a: 'Verification needs the name and ID number exactly as on the ID card; rare characters will likely make it fail. You can request manual review at once.' },
      { q: 'Document other than an ID card?', a: 'With a military card, soldier card, passport and the like, automatic verification is impossible. Check your name, document number and photo, then send manual-review materials.' },
      { q: 'Verification failed?', a: 'Each candidate has 3 attempts. Causes: fringe or hair over the face, glasses, not the candidate, make-up or beauty filters, uneven light. After 3 failures send manual-review materials.' }
    ]
  },
  doc: { ID_CARD: 'Resident ID card', PASSPORT: 'Passport', MILITARY_OFFICER: 'Military officer ID', SOLDIER: 'Soldier ID', HK_MACAO_PERMIT: 'Mainland travel permit (Hong Kong / Macao)', TAIWAN_PERMIT: 'Mainland travel permit (Taiwan)' },
  next: {
    title: 'What happens next', days: 'Your registration point usually completes the review within {n} working days.',
    outcome: 'If it is approved, your photo is collected and there is nothing more to do; if not, this page gives the reason: retake what it names and submit again.',
    check: 'You can log in again at any time to see the result on this page.', call: 'Questions? Call {name}:', noPhone: 'Questions? Contact {name}.'
  },
  errors: { load: 'Loading failed; please retry' }
}
