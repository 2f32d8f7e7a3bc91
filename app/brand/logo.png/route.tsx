import { ImageResponse } from 'next/og';
import { cardFonts } from '@/lib/seo/card-fonts';

// The publisher logo for structured data and feeds: the masthead's wordmark, 600×60 as Google's
// publisher-logo guidance asks. It reads no data, so the build renders it once.
export async function GET() {
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        background: '#fbfaf7',
        color: '#1a1a1a',
        fontFamily: 'Source Serif',
        fontSize: 50,
        fontWeight: 900,
        letterSpacing: -1,
      }}
    >
      Broadsheet
    </div>,
    { width: 600, height: 60, fonts: await cardFonts() },
  );
}
