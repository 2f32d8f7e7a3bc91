// What the demo seed (db/seed/content.ts) gives every test run.

export const SLUGS = {
  /** The discussion: 57 approved replies, pending/spam/trash ones too. No test may add an APPROVED reply here (reader.spec counts them). */
  discussion: 'council-votes-to-cap-short-term-lets-in-old-quay-and-ropewalk',
  /** Comments closed. */
  closed: 'eastgate-by-election-four-candidates-and-one-question-about-buses',
  /** Articles without replies: each test that adds an approved reply uses its own, so counts stay exact. */
  returningCommenter: 'fore-streets-last-independent-bookshop-finds-a-buyer',
  threadedNoJs: 'athletic-snatch-late-draw-at-kingsmere-to-stay-in-the-play-off-places',
  /** Held or refused replies only (they do not change what anybody else sees). */
  heldJs: 'wend-ferry-to-stop-for-six-weeks-while-landing-stages-are-rebuilt',
  heldNoJs: 'lantern-night-returns-to-the-ropewalk-after-a-five-year-gap',
  validation: 'millbrook-primary-pupils-moved-to-temporary-classrooms-after-roof-survey',
  xss: 'port-bets-on-offshore-wind-with-a-new-60m-assembly-quay',
  flood: 'mayors-draft-budget-spares-libraries-but-raises-parking-charges',
  duplicate: 'review-the-harbourton-players-find-fresh-laughs-in-an-old-farce',
  honeypot: 'record-entry-for-the-wend-head-race-as-crews-battle-a-stiff-headwind',
  /** Nothing is ever posted here: the cache check needs an article whose cache no test invalidates. */
  cacheCheck: 'swimming-warning-lifted-at-sandy-cove-after-three-weeks',
} as const;

export const DISCUSSION = {
  title: 'Council Votes to Cap Short-Term Lets in Old Quay and Ropewalk',
  standfirst: 'Whole-home holiday lets will be limited to 90 nights a year after a late-night vote that split the chamber and packed the public gallery.',
  author: { name: 'Priya Raman', slug: 'priya-raman' },
  section: { name: 'Politics', slug: 'politics' },
  tags: ['Housing', 'City Council', 'Waterfront'],
  captionStart: 'Close to one in six homes in Old Quay is now let mainly to visitors',
  firstParagraphStart: 'Harbourton City Council voted 7–4 late on Tuesday',
  lastParagraphStart: 'The officers’ report and the amended motion are available',
  approvedCount: 57,
  /** ruth-1 → gareth-1 → ruth-2: three levels. */
  thread: [
    { name: 'Ruth Penhaligon', text: 'Forty-one years I have lived on Anchor Lane' },
    { name: 'Gareth Lowe', text: 'With respect, Ruth, some of us bought on the quay' },
    { name: 'Ruth Penhaligon', text: 'Gareth, I remember when nobody wanted to live there too' },
  ],
  hiddenMarkers: ['PENDING-DEMO', 'SPAM-DEMO', 'TRASH-DEMO'],
} as const;

/**
 * Demo commenters with approved replies: a reply from one of these emails is approved at once.
 * Flood control is per email (15 s), so each test that needs one has its OWN entries (never share
 * one between tests, or two parallel tests could refuse each other), and a retry takes the next one.
 */
const RETURNING_POOLS = {
  returningCommenter: [
    { name: 'Colin Barraclough', email: 'colin.barraclough@example.net' },
    { name: 'Owen Rees', email: 'owen.rees@example.net' },
  ],
  threadParent: [
    { name: 'Kate Wilmot', email: 'kate.wilmot@example.net' },
    { name: 'Jenny Halloran', email: 'jenny.halloran@example.net' },
  ],
  threadChild: [
    { name: 'Lucy Chen', email: 'lucy.chen@example.net' },
    { name: 'Hannah Oyelaran', email: 'hannah.oyelaran@example.net' },
  ],
} as const;

export function returningCommenter(purpose: keyof typeof RETURNING_POOLS, retry = 0) {
  const pool = RETURNING_POOLS[purpose];
  return pool[retry % pool.length];
}
