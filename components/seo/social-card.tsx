import { fitHeadline } from '@/lib/seo/card-text';

// The social image of an article (1200×630): the masthead, the section as a kicker, the headline and
// the byline on a paper-coloured card. Rendered by next/og (Satori), so only inline styles and flexbox.

export const CARD_SIZE = { width: 1200, height: 630 };

const PAPER = '#fbfaf7';
const INK = '#1a1a1a';
const ACCENT = '#9b1c1c';

export function SocialCard({
  headline,
  kicker,
  byline,
  dateline,
}: {
  headline: string;
  kicker: string | null;
  byline: string | null;
  dateline: string | null;
}) {
  const { text, fontSize } = fitHeadline(headline);
  return (
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        background: PAPER,
        color: INK,
        padding: '44px 72px 48px',
        fontFamily: 'Source Serif',
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center' }}>
        <div style={{ fontSize: 64, fontWeight: 900, letterSpacing: -1.5, lineHeight: 1 }}>Broadsheet</div>
        <div style={{ marginTop: 10, fontSize: 17, letterSpacing: 6, textTransform: 'uppercase', color: 'rgba(26,26,26,0.7)' }}>
          Harbourton &amp; the Wend valley
        </div>
      </div>
      <div style={{ display: 'flex', marginTop: 22, borderTop: `4px solid ${INK}` }} />
      <div style={{ display: 'flex', marginTop: 4, borderTop: `1.5px solid ${INK}` }} />
      <div style={{ display: 'flex', flexDirection: 'column', flexGrow: 1, justifyContent: 'center', paddingTop: 12 }}>
        {kicker && <div style={{ display: 'flex', fontSize: 24, fontWeight: 700, letterSpacing: 4, textTransform: 'uppercase', color: ACCENT }}>{kicker}</div>}
        <div style={{ display: 'flex', marginTop: kicker ? 14 : 0, fontSize, fontWeight: 700, lineHeight: 1.08, letterSpacing: -0.5 }}>{text}</div>
      </div>
      <div
        style={{
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'baseline',
          borderTop: '1px solid rgba(26,26,26,0.25)',
          paddingTop: 16,
          fontSize: 24,
          color: 'rgba(26,26,26,0.8)',
        }}
      >
        <div style={{ display: 'flex' }}>{byline ?? ''}</div>
        <div style={{ display: 'flex' }}>{dateline ?? ''}</div>
      </div>
    </div>
  );
}
