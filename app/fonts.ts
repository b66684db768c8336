import localFont from 'next/font/local';

// Inter from @fontsource's files, through next/font (its options must be literals): the files are preloaded from the page's head
// (not found only after the stylesheet) and each family gets a fallback face sized to Inter's
// metrics, so the text does not reflow when Inter arrives. Two families, each limited to its
// script's characters: the page fetches only the alphabets it shows. (@fontsource's per-subset
// stylesheets carry no unicode-range, so imported together the last one covered every character
// and Cyrillic text fell through to the system font.) The stack in globals.css puts Cyrillic first:
// a Cyrillic letter skips the Latin family and would otherwise land on its Arial fallback.

export const interCyrillic = localFont({
  src: [
    { path: '../node_modules/@fontsource/inter/files/inter-cyrillic-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/inter/files/inter-cyrillic-600-normal.woff2', weight: '600', style: 'normal' },
    { path: '../node_modules/@fontsource/inter/files/inter-cyrillic-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-inter-cyrillic',
  display: 'swap',
  // The sized fallback comes from the Latin family below: its metrics are measured on Latin
  // letters, which this file lacks.
  adjustFontFallback: false,
  declarations: [{ prop: 'unicode-range', value: 'U+0301,U+0400-045F,U+0490-0491,U+04B0-04B1,U+2116' }],
});

export const interLatin = localFont({
  src: [
    { path: '../node_modules/@fontsource/inter/files/inter-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../node_modules/@fontsource/inter/files/inter-latin-600-normal.woff2', weight: '600', style: 'normal' },
    { path: '../node_modules/@fontsource/inter/files/inter-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-inter-latin',
  display: 'swap',
  adjustFontFallback: 'Arial',
  declarations: [
    {
      prop: 'unicode-range',
      value:
        'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    },
  ],
});
